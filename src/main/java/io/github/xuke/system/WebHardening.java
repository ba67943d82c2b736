package io.github.xuke.system;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The web's defences that are not about who is calling: the browser security headers of the portal
 * and the API.
 */
@Configuration(proxyBeanMethods = false)
public class WebHardening {

  @Bean
  FilterRegistrationBean<Filter> securityHeaders() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setName("security-headers");
    registration.addUrlPatterns("/portal", "/portal/*", "/api/*");
    // before the authentication filters, so that their refusals carry the headers too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
