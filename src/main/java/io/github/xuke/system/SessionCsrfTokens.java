package io.github.xuke.system;

import io.github.xuke.system.SessionAuthenticationFilter.SessionLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The token a change made with a session must carry in {@code X-XSRF-TOKEN}: the one the session's
 * login holds ({@link SessionLogin}) — the webapps' (Camunda's CSRF filter keeps it in the session and
 * hands it to the page as cookie {@code XSRF-TOKEN}) or the portal login's. A browser attaches the
 * cookie to a form another site posts here, but that site cannot read the token. HTTP Basic needs no
 * token. Spring Security's {@code CsrfFilter} compares the two in constant time; this class stores
 * nothing: the tokens belong to the webapps and the portal.
 */
class SessionCsrfTokens implements CsrfTokenRepository {

  private static final String PARAMETER = "_csrf";

  /** A change (POST, PUT, PATCH, DELETE) authenticated by a session. */
  static boolean required(HttpServletRequest request) {
    return ApiSecurity.CHANGES.contains(request.getMethod())
        && SecurityContextHolder.getContext().getAuthentication() instanceof SessionLogin;
  }

  /** The session's token; {@code null} when it has none, so that the filter makes one nobody knows. */
  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return SecurityContextHolder.getContext().getAuthentication() instanceof SessionLogin login
        && login.csrfToken() != null && !login.csrfToken().isEmpty()
        ? token(login.csrfToken()) : null;
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return token(UUID.randomUUID().toString());
  }

  /** Nothing to store: a token made here is never handed out, so no change can match it. */
  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
  }

  private static CsrfToken token(String value) {
    return new DefaultCsrfToken(CsrfConstants.CSRF_TOKEN_HEADER_NAME, PARAMETER, value);
  }

  /**
   * Reads the token from the header only — never from a request parameter, which would read a form's
   * body before {@link RequestBodyGuard} — and leaves the request's attributes alone (no page here
   * renders a token).
   */
  static final class HeaderOnly implements CsrfTokenRequestHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
      return request.getHeader(token.getHeaderName());
    }
  }
}
