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
public class TestSupportConfiguration {}
