package io.github.xuke.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.core.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The answers of {@link ApiSecurity} when it lets a request not in: {@code 401} (no or a wrong login)
 * with a Basic challenge, unless a page's script asks ({@code X-Requested-With: XMLHttpRequest}: the
 * portal handles 401 itself, no browser login dialog), and {@code 403} (another site, a missing session
 * token, the wrong kind of account), each with an {@link ApiError} in Chinese.
 */
class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String CHALLENGE = "Basic realm=\"xuke\", charset=\"UTF-8\"";

  private final ObjectMapper json;

  ApiRefusals(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException unused)
      throws IOException {
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      response.setHeader("WWW-Authenticate", CHALLENGE);
    }
    write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
        ApiSecurity.PORTAL.matches(request) ? "请先登录（企业账号）。" : "请先登录（工作人员账号）。");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    if (denied instanceof CsrfException) {
      write(response, HttpServletResponse.SC_FORBIDDEN, "CSRF_TOKEN",
          "页面已过期或请求来源无法确认（缺少有效的 X-XSRF-TOKEN），请刷新页面后重试。");
    } else if (ApiSecurity.PORTAL.matches(request)) {
      write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "企业服务平台接口仅限企业账号使用。");
    } else {
      write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", enterprise()
          ? "企业账号仅可使用企业服务平台（/api/portal）。" : "仅限本局工作人员使用。");
    }
  }

  /** A change that a browser says another site's page sent. */
  void crossSite(HttpServletResponse response) throws IOException {
    write(response, HttpServletResponse.SC_FORBIDDEN, "CROSS_SITE", "不接受来自其他网站页面的操作请求。");
  }

  private static boolean enterprise() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && AuthorityUtils.authorityListToSet(authentication.getAuthorities()).contains(CurrentUser.ENTERPRISE_GROUP);
  }

  private void write(HttpServletResponse response, int status, String code, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(json.writeValueAsString(new ApiError(code, null, message)));
  }
}
