package io.github.xuke.portal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The portal's address is {@code /portal/}: it shows the page ({@code static/portal/index.html}), and
 * {@code /portal} moves there (the page's files are relative to the folder).
 */
@Configuration(proxyBeanMethods = false)
class PortalPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
    registry.addRedirectViewController("/portal", "/portal/");
  }
}
