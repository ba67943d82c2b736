package io.github.xuke.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import io.github.xuke.portal.EnterpriseAccounts;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request into {@code /api/**} and {@code /actuator/**} (metrics) only for a member of one of the bureau's groups — logged in
 * to the webapps (session) or sending HTTP Basic — and runs it as that Camunda user, so the engine's
 * authorizations apply. Enterprise accounts reach {@code /api/portal/**} and nothing else; staff do
 * not use the portal's API. Reading the working-day calendar and the health check, and the online
 * material pre-check, are public; changing the calendar is not.
 */
@Component
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String PUBLIC_PREFIX = "/api/calendar/";
  static final String HEALTH = "/actuator/health";
  static final String PRECHECK = "/api/precheck";
  static final String PORTAL_PREFIX = "/api/portal/";
  private static final String ENGINE = "default";

  private final IdentityService identityService;

  public ApiAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean publicRead = "GET".equals(request.getMethod())
        && (path.startsWith(PUBLIC_PREFIX) || path.equals(HEALTH) || path.startsWith(HEALTH + "/"));
    boolean publicPrecheck = "POST".equals(request.getMethod()) && path.equals(PRECHECK);
    if (publicRead || publicPrecheck) {
      chain.doFilter(request, response);
      return;
    }
    String userId = sessionUser(request);
    if (userId == null) {
      userId = basicUser(request);
    }
    if (userId == null) {
      refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
          path.startsWith(PORTAL_PREFIX) ? "请先登录（企业账号）。" : "请先登录（工作人员账号）。");
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    boolean staff = groups.stream().anyMatch(group -> StaffGroup.byId(group).isPresent());
    boolean enterprise = groups.contains(EnterpriseAccounts.GROUP);
    boolean portal = path.startsWith(PORTAL_PREFIX);
    if (portal && !enterprise) {
      refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "企业服务平台接口仅限企业账号使用。");
      return;
    }
    if (!portal && !staff) {
      refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", enterprise
          ? "企业账号仅可使用企业服务平台（/api/portal）。" : "仅限本局工作人员使用。");
      return;
    }
    identityService.setAuthentication(userId, groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    Authentication user = authentications.getAuthenticationForProcessEngine(ENGINE);
    return user == null ? null : user.getIdentityId();
  }

  private String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    return identityService.checkPassword(userId, decoded.substring(colon + 1)) ? userId : null;
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
      String message) throws IOException {
    response.setStatus(status);
    // a page's script (the portal) handles 401 itself: no browser login dialog for it
    boolean script = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
    if (status == HttpServletResponse.SC_UNAUTHORIZED && !script) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"xuke\", charset=\"UTF-8\"");
    }
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }
}
