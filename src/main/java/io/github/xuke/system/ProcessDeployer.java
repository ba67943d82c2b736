package io.github.xuke.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys the diagrams, decisions and forms of {@code processes/} (on the classpath under
 * {@value #ROOT}) when the engine starts, under names relative to that folder, so a moved
 * installation redeploys nothing. Only changed files become new versions; running cases stay on
 * the version they started on.
 */
public class ProcessDeployer extends AbstractProcessEnginePlugin {

  static final String ROOT = "processes/";
  public static final String DEPLOYMENT_NAME = "xuke-processes";
  private static final String[] PATTERNS = {"**/*.bpmn", "**/*.dmn", "**/*.form"};
  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    Map<String, Resource> resources = resources();
    if (resources.isEmpty()) {
      throw new IllegalStateException("no BPMN, DMN or form found under classpath:" + ROOT);
    }
    DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("xuke")
        .enableDuplicateFiltering(true);
    resources.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        deployment.addInputStream(name, in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
    });
    DeploymentWithDefinitions deployed = deployment.deployWithResult();
    log.info("Processes deployed: {} resources checked, {} process, {} decision definitions new",
        resources.size(),
        deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size(),
        deployed.getDeployedDecisionDefinitions() == null ? 0 : deployed.getDeployedDecisionDefinitions().size());
  }

  /** The files under {@value #ROOT}, by their path relative to it. */
  static Map<String, Resource> resources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, Resource> resources = new TreeMap<>();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources("classpath*:" + ROOT + pattern)) {
          String url = resource.getURL().toString();
          resources.put(url.substring(url.lastIndexOf(ROOT) + ROOT.length()), resource);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list classpath:" + ROOT, e);
    }
    return resources;
  }
}
