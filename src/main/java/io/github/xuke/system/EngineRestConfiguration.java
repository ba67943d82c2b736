package io.github.xuke.system;

import jakarta.servlet.ServletRegistration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers lost races (409) and refused variable values (400) as
 * {@link EngineRestErrors} says, in both places it is served: {@code /engine-rest} (Camunda's Jersey
 * application in Spring Boot) and the webapps' own copy under {@code /camunda/api/engine}, through
 * which Tasklist completes tasks.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestConfiguration {

  /** The servlet that Camunda's webapp starter registers for the webapps' engine API. */
  static final String WEBAPP_ENGINE_API_SERVLET = "Engine Api";

  private static final Class<?>[] MAPPERS = {EngineRestErrors.EngineFailures.class,
      EngineRestErrors.WrappedFailures.class, EngineRestErrors.DatabaseFailures.class,
      EngineRestErrors.ClaimedMeanwhile.class};

  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> Stream.of(MAPPERS).forEach(config::register);
  }

  /**
   * The webapps' servlet is registered by Camunda's initializer, one of the application's; the web
   * server factory's own initializers run after those, so the servlet is there to be given the mappers.
   */
  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> webappEngineApiErrors() {
    return factory -> factory.addInitializers(servletContext -> {
      ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API_SERVLET);
      if (engineApi == null) {
        throw new IllegalStateException("Camunda's webapp servlet '" + WEBAPP_ENGINE_API_SERVLET + "' is missing");
      }
      if (!engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
          Stream.of(MAPPERS).map(Class::getName).collect(Collectors.joining(",")))) {
        throw new IllegalStateException("Camunda's webapp servlet '" + WEBAPP_ENGINE_API_SERVLET
            + "' already names its providers: " + engineApi.getInitParameter(ServerProperties.PROVIDER_CLASSNAMES));
      }
    });
  }
}
