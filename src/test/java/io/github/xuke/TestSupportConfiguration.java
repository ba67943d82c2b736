package io.github.xuke;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Test-only beans: the process test coverage report ({@code target/process-test-coverage}). The
 * coverage gate itself is {@code LicenceApplicationProcessTest.everyFlowNodeOfBothProcessesWasReached}:
 * the library's class threshold is reported but, in 3.0.0 with Spring, not enforced.
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
  static org.springframework.context.ApplicationContextAware testContextHolder() {
    return applicationContext -> context = applicationContext;
  }
}
