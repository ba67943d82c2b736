package io.github.xuke.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an {@code /api} request by the login its session holds: the portal's
 * ({@link PortalSessions}) on {@code /api/portal/**}, the webapps' (Tasklist, Cockpit; engine
 * {@value #ENGINE}) everywhere else — never one for the other. A request that sends an
 * {@code Authorization} header is HTTP Basic's alone, whatever its session holds.
 */
class SessionAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  private final IdentityService identityService;
  private final PortalSessions portalSessions;
  private final SecurityContextRepository contexts;
  private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

  SessionAuthenticationFilter(IdentityService identityService, PortalSessions portalSessions,
      SecurityContextRepository contexts) {
    this.identityService = identityService;
    this.portalSessions = portalSessions;
    this.contexts = contexts;
  }

  /**
   * A login found in the session, and the token its changes must carry: the portal's, or the webapps'
   * (from Camunda's CSRF filter; {@code null} when the session has none, and then no change passes).
   */
  static final class SessionLogin extends AbstractAuthenticationToken {

    private final String userId;
    private final String csrfToken;

    SessionLogin(String userId, String csrfToken, Collection<? extends GrantedAuthority> groups) {
      super(groups);
      this.userId = userId;
      this.csrfToken = csrfToken;
      setAuthenticated(true);
    }

    String csrfToken() {
      return csrfToken;
    }

    @Override
    public Object getPrincipal() {
      return userId;
    }

    @Override
    public Object getCredentials() {
      return null;
    }
  }

  /** Who is logged in, in the session, and the session's token. */
  private record Login(String userId, String csrfToken) {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader("Authorization") == null) {
      Optional<Login> login = ApiSecurity.PORTAL.matches(request)
          ? portalSessions.current(request).map(portal -> new Login(portal.userId(), portal.csrfToken()))
          : webappLogin(request);
      if (login.isPresent()) {
        String userId = login.get().userId();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new SessionLogin(userId, login.get().csrfToken(),
            CamundaPasswordAuthentication.groups(identityService, userId)));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
      }
    }
    chain.doFilter(request, response);
  }

  private static Optional<Login> webappLogin(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return Optional.ofNullable(authentications)
        .map(all -> all.getAuthenticationForProcessEngine(ENGINE))
        .map(user -> new Login(user.getIdentityId(),
            session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token ? token : null));
  }
}
