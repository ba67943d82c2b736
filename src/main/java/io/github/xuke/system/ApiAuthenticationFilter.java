package io.github.xuke.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.stereotype.Component;

/**
 * Lets a request into {@code /api/**} and {@code /actuator/**} (metrics) only for a member of one of the
 * bureau's groups — logged in to the webapps (session) or sending HTTP Basic — and runs it as that
 * Camunda user, so the engine's authorizations apply. Enterprise accounts reach {@code /api/portal/**}
 * and nothing else, with HTTP Basic or the portal's own session ({@link PortalSessions}); staff do not
 * use the portal's API. Reading the working-day calendar and the health check, the online material
 * pre-check and the portal's login are public; changing the calendar is not.
 *
 * <p>A change (POST, PUT, PATCH, DELETE) made with a session cookie must carry the session's token in
 * {@code X-XSRF-TOKEN}: the webapps' token (Camunda's CSRF filter keeps it in the session and hands it
 * to the page as cookie {@code XSRF-TOKEN}) or the portal's. A browser attaches the cookie to a form
 * another site posts here, but that site cannot read the token. HTTP Basic needs no token; a change a
 * browser marks as sent by another site ({@code Sec-Fetch-Site: cross-site}) is refused whatever its
 * credentials, since a browser also replays Basic credentials it has cached.
 *
 * <p>Runs on the request's own dispatch and again on its async dispatch ({@link RequestBodyGuard} reads
 * a body without a thread, then dispatches the request again): whatever reaches the application was
 * authenticated on the dispatch that runs it.
 */
@Component
public class ApiAuthenticationFilter extends HttpFilter {

  static final String PUBLIC_PREFIX = "/api/calendar/";
  static final String HEALTH = "/actuator/health";
  static final String PRECHECK = "/api/precheck";
  static final String PORTAL_PREFIX = "/api/portal/";
  static final String PORTAL_SESSION = "/api/portal/session";
  /** The user this filter authenticated on the current dispatch, for the filters after it (gone after it). */
  static final String AUTHENTICATED_USER = ApiAuthenticationFilter.class.getName() + ".user";
  private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String ENGINE = "default";

  private final IdentityService identityService;
  private final PortalSessions portalSessions;

  public ApiAuthenticationFilter(IdentityService identityService, PortalSessions portalSessions) {
    this.identityService = identityService;
    this.portalSessions = portalSessions;
  }

  /** Who is calling, and the token a change must carry ({@code null}: none needed, HTTP Basic). */
  private record Caller(String userId, String csrfToken) {}

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean change = CHANGES.contains(request.getMethod());
    if (change && "cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
      refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "CROSS_SITE", "不接受来自其他网站页面的操作请求。");
      return;
    }
    boolean publicRead = "GET".equals(request.getMethod())
        && (path.startsWith(PUBLIC_PREFIX) || path.equals(HEALTH) || path.startsWith(HEALTH + "/"));
    boolean publicPost = "POST".equals(request.getMethod()) && path.equals(PRECHECK);
    boolean portalLogin = path.equals(PORTAL_SESSION)
        && ("POST".equals(request.getMethod()) || "GET".equals(request.getMethod()));
    if (publicRead || publicPost || portalLogin) {
      chain.doFilter(request, response);
      return;
    }
    boolean portal = path.startsWith(PORTAL_PREFIX);
    Caller caller = request.getHeader("Authorization") != null
        ? basicCaller(request)
        : portal ? portalCaller(request) : webappCaller(request);
    if (caller == null) {
      refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
          portal ? "请先登录（企业账号）。" : "请先登录（工作人员账号）。");
      return;
    }
    if (change && caller.csrfToken() != null && !sameToken(caller.csrfToken(),
        request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME))) {
      refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "CSRF_TOKEN",
          "页面已过期或请求来源无法确认（缺少有效的 X-XSRF-TOKEN），请刷新页面后重试。");
      return;
    }
    String userId = caller.userId();
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    boolean staff = groups.stream().anyMatch(group -> StaffGroup.byId(group).isPresent());
    boolean enterprise = groups.contains(CurrentUser.ENTERPRISE_GROUP);
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
    request.setAttribute(AUTHENTICATED_USER, userId);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
      request.removeAttribute(AUTHENTICATED_USER);
    }
  }

  /** The webapps' login (Tasklist, Cockpit) and their CSRF token; never an enterprise's portal login. */
  private static Caller webappCaller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    if (user == null) {
      return null;
    }
    // without a token in the session no change can pass: "" matches no header
    Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return new Caller(user.getIdentityId(), token instanceof String value ? value : "");
  }

  /** The portal's login; never the webapps'. */
  private Caller portalCaller(HttpServletRequest request) {
    return portalSessions.current(request)
        .map(login -> new Caller(login.userId(), login.csrfToken())).orElse(null);
  }

  private Caller basicCaller(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
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
    return identityService.checkPassword(userId, decoded.substring(colon + 1)) ? new Caller(userId, null) : null;
  }

  /** Compares in constant time, so the response time tells nothing about how much of a guess was right. */
  private static boolean sameToken(String expected, String given) {
    return given != null && !expected.isEmpty() && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
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
