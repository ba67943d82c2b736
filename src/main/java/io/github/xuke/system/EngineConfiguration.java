package io.github.xuke.system;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The engine as Xuke needs it: validated deployments, the processes, users and permissions. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

  @Bean
  Clock clock(XukeProperties properties) {
    return new EngineClock(properties.timeZone());
  }

  /**
   * Every new deployment passes {@link DeploymentValidator} before the engine parses it; every
   * expression is evaluated behind the {@link GuardedExpressionManager}'s fence; every user
   * task gets its {@link TaskListColumns}; the bureau's groups are authorized per process definition
   * ({@link DefinitionTaskGrants}, {@link CandidateCommandChecker}); the parse listeners that the modules declare as beans
   * (e.g. the clocks' task listener) are added after them.
   */
  @Bean
  TaskListColumns taskListColumns(List<TaskListColumn> columns) {
    return new TaskListColumns(columns);
  }

  @Bean
  DefinitionTaskGrants definitionTaskGrants() {
    return new DefinitionTaskGrants();
  }

  @Bean
  @Order(1)
  AbstractProcessEnginePlugin deploymentValidationPlugin(ApplicationContext beans, TaskListColumns columns,
      ObjectProvider<BpmnParseListener> moduleParseListeners, DefinitionTaskGrants grants) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(new DeploymentValidator(beans::containsBean));
        configuration.setCustomPreDeployers(deployers);
        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(columns);
        moduleParseListeners.orderedStream().filter(listener -> listener != columns).forEach(parseListeners::add);
        configuration.setCustomPostBPMNParseListeners(parseListeners);
        if (configuration instanceof SpringProcessEngineConfiguration spring) {
          spring.setDeploymentResources(new org.springframework.core.io.Resource[0]);
        }
        configuration.setExpressionManager(new GuardedExpressionManager(beans));
        // the bureau's groups hold their tasks per process definition; the work stays with a task's candidates
        configuration.setResourceAuthorizationProvider(new DefinitionTaskAuthorizations(grants));
        configuration.setCommandCheckers(new ArrayList<>(List.of(new TenantCommandChecker(),
            new CandidateCommandChecker())));
      }
    };
  }

  @Bean
  @Order(2)
  IdentitySeeder identitySeeder(XukeProperties properties, List<ProcessStarters> starters,
      TaskListColumns columns, DefinitionTaskGrants grants) {
    return new IdentitySeeder(properties, starters, columns, grants);
  }

  @Bean
  @Order(3)
  ProcessDeployer processDeployer() {
    return new ProcessDeployer();
  }
}
