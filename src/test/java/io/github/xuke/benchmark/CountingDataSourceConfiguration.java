package io.github.xuke.benchmark;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Benchmark-only beans of the in-process app: its {@link DataSource} (the one the engine, Flyway and
 * Xuke's repositories share) wrapped by a {@link SqlCounter}. A test configuration, so the test
 * suite's component scan never picks it up; {@link RunningXuke} adds it as a source.
 */
@TestConfiguration(proxyBeanMethods = false)
class CountingDataSourceConfiguration {

  @Bean
  static SqlCounter benchmarkSqlCounter() {
    return new SqlCounter();
  }

  @Bean
  static BeanPostProcessor countingDataSource(ObjectProvider<SqlCounter> counter) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? counter.getObject().wrap(beanName, dataSource) : bean;
      }
    };
  }
}
