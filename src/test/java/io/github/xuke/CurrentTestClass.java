package io.github.xuke;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Remembers which test class is starting, before the coverage library's listener (the last one)
 * asks for its properties; registered for every Spring test in {@code META-INF/spring.factories}.
 */
public class CurrentTestClass implements TestExecutionListener, Ordered {

  private static volatile Class<?> current;

  static Class<?> get() {
    return current;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    current = testContext.getTestClass();
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    current = null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
