package io.github.xuke;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The process test class of one BPMN process and the share of its flow nodes and sequence flows
 * the class must reach. The coverage library (camunda-process-test-coverage) measures the class over
 * this process only and fails the class when it falls below {@link #atLeast()}, however many of its
 * tests ran; see {@link TestSupportConfiguration}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProcessCoverage {

  /** The process definition key, e.g. {@code LicenceApplication}. */
  String process();

  /** The lowest class coverage allowed, between 0 and 1. */
  double atLeast();
}
