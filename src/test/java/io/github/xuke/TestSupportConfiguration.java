package io.github.xuke;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.context.annotation.Import;

/**
 * Test-only beans: the process test coverage report ({@code target/process-test-coverage}) and its
 * thresholds. The library's listener asks the context for its properties before every test class;
 * the properties are a prototype made for the class that starts ({@link CurrentTestClass}): a class
 * marked {@link ProcessCoverage} is measured over its process alone and must reach its threshold;
 * any other class is only reported.
 */
@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class TestSupportConfiguration {

  private static volatile org.springframework.context.ApplicationContext context;

  /** The one test context's beans, for helpers built outside Spring (CaseDriver). */
  public static <T> T bean(Class<T> type) {
    if (context == null) {
      throw new IllegalStateException("no @XukeTest context is running");
    }
    return context.getBean(type);
  }

  @org.springframework.context.annotation.Bean
  @org.springframework.context.annotation.Scope("prototype")
  @org.springframework.context.annotation.Primary
  static ProcessEngineCoverageProperties processEngineCoverageProperties(
      org.camunda.bpm.engine.RepositoryService repository) {
    ProcessEngineCoverageProperties.Builder properties = ProcessEngineCoverageProperties.Companion.builder();
    Class<?> testClass = CurrentTestClass.get();
    ProcessCoverage coverage = testClass == null ? null : testClass.getAnnotation(ProcessCoverage.class);
    if (coverage != null) {
      String[] others = repository.createProcessDefinitionQuery().latestVersion().list().stream()
          .map(org.camunda.bpm.engine.repository.ProcessDefinition::getKey)
          .filter(key -> !key.equals(coverage.process())).distinct().toArray(String[]::new);
      properties.excludeProcessDefinitionKeys(others).assertClassCoverageAtLeast(coverage.atLeast());
    }
    return properties.build();
  }

  @org.springframework.context.annotation.Bean
  static org.springframework.context.ApplicationContextAware testContextHolder() {
    return applicationContext -> context = applicationContext;
  }
}
