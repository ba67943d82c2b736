package io.github.xuke.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The web's defences that are not about who is calling: the browser security headers of the portal
 * and the API, and the bounds on slow request bodies ({@link RequestBodyGuard}, {@link RequestBodyValve}).
 */
@Configuration(proxyBeanMethods = false)
public class WebHardening {

  @Bean
  FilterRegistrationBean<Filter> securityHeaders() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setName("security-headers");
    registration.addUrlPatterns("/portal", "/portal/*", "/api/*", "/verify/*", "/verify.css");
    // before the authentication filters, so that their refusals carry the headers too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> requestBodyGuard(RequestLimits limits) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestBodyGuard(limits));
    registration.setName("request-body-guard");
    registration.addUrlPatterns("/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    // after ApiSecurity (which runs again on the async dispatch), before everything that reads a body
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestBodyValve(RequestLimits limits) {
    return factory -> factory.addContextValves(new RequestBodyValve(limits.workerBodyReaders()));
  }
}
