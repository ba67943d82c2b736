package io.github.xuke.system;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Authentication everywhere: the engine REST API (used by Camunda Modeler's deploy dialog) takes
 * HTTP Basic with a Camunda user; the app's API is {@link ApiSecurity}'s; the webapps' first-admin setup is closed, since the admin is created from
 * configuration.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  LoginThrottle loginThrottle(java.time.Clock clock, MeterRegistry meters) {
    return new LoginThrottle(clock, meters);
  }

  /** Before every password check: guessing is slowed per source and account (see the throttle). */
  @Bean
  FilterRegistrationBean<Filter> loginThrottling(LoginThrottle throttle) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", "/camunda/api/admin/auth/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        StaffBasicAuthenticationProvider.class.getName()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** After authentication: no query of the engine API may carry an expression (see the guard). */
  @Bean
  FilterRegistrationBean<Filter> queryExpressionGuard() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new QueryExpressionGuard());
    registration.setName("query-expression-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> setupClosed() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        (request, response, chain) -> ((jakarta.servlet.http.HttpServletResponse) response)
            .sendError(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN,
                "The administrator is created from configuration; setup is closed."));
    registration.setName("webapp-setup-closed");
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
