package io.github.xuke.system;

import io.github.xuke.core.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Enforces {@link AllowedGroups} on every {@code /api} endpoint that declares it. */
@Configuration(proxyBeanMethods = false)
class AllowedGroupsInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  private final CurrentUser currentUser;

  AllowedGroupsInterceptor(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method) {
      AllowedGroups allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AllowedGroups.class);
      if (allowed == null) {
        allowed = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AllowedGroups.class);
      }
      if (allowed != null && !currentUser.isIn(allowed.value())) {
        throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", null, allowed.refusal().isEmpty()
            ? "您没有执行此操作的权限（仅限" + Arrays.stream(allowed.value()).map(StaffGroup::displayName)
                .collect(Collectors.joining("、")) + "）。"
            : allowed.refusal());
      }
    }
    return true;
  }
}
