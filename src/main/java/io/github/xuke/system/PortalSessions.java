package io.github.xuke.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The portal's login, kept in the HTTP session: the enterprise account, and the token the portal page
 * sends with every change ({@code X-XSRF-TOKEN}) so that another site cannot make the browser change
 * anything. The password stays on the server; the browser holds only the session cookie (HttpOnly).
 */
@Component
public class PortalSessions {

  static final String USER = "xuke.portal.user";
  static final String CSRF_TOKEN = "xuke.portal.csrf-token";

  private final SecureRandom random = new SecureRandom();

  /** An enterprise logged in to the portal, and the token its page must send with every change. */
  public record PortalLogin(String userId, String csrfToken) {}

  /**
   * Starts the login in a new session: whatever session the browser had ends with whatever login it
   * held, so a session id planted before the login (session fixation) is worthless after it.
   */
  public PortalLogin start(HttpServletRequest request, String userId) {
    end(request);
    HttpSession session = request.getSession(true);
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    PortalLogin login = new PortalLogin(userId, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    session.setAttribute(USER, login.userId());
    session.setAttribute(CSRF_TOKEN, login.csrfToken());
    return login;
  }

  /** The portal login of this request's session, if any. */
  public Optional<PortalLogin> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    try {
      if (session.getAttribute(USER) instanceof String userId
          && session.getAttribute(CSRF_TOKEN) instanceof String token) {
        return Optional.of(new PortalLogin(userId, token));
      }
    } catch (IllegalStateException invalidated) {
      // ended by a parallel request of the same browser
    }
    return Optional.empty();
  }

  /** Ends the session (logout). */
  public void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      try {
        session.invalidate();
      } catch (IllegalStateException alreadyInvalidated) {
        // ended by a parallel request of the same browser
      }
    }
  }
}
