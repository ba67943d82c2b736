package io.github.xuke;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Test-only beans: process test coverage, with the threshold the process tests must reach. */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class TestSupportConfiguration {

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return new ProcessEngineCoverageProperties.Builder()
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
