package io.github.xuke.portal;

import io.github.xuke.system.LoginThrottle;
import io.github.xuke.system.PortalSessions;
import io.github.xuke.core.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal page's login: the enterprise gives its credit code and password once, and the browser
 * keeps only a session cookie (HttpOnly) and, in the page's memory, the token it sends with every
 * change. HTTP Basic on {@code /api/portal} stays for API clients.
 */
@RestController
@RequestMapping("/api/portal/session")
public class PortalSessionController {

  private final IdentityService identityService;
  private final EnterpriseAccounts accounts;
  private final PortalSessions sessions;
  private final LoginThrottle throttle;
  private static final String CHANNEL = "portal";

  public PortalSessionController(IdentityService identityService, EnterpriseAccounts accounts,
      PortalSessions sessions, LoginThrottle throttle) {
    this.throttle = throttle;
    this.identityService = identityService;
    this.accounts = accounts;
    this.sessions = sessions;
  }

  public record Credentials(String creditCode, String password) {}

  /** Who is logged in; {@code csrfToken} goes in header {@code X-XSRF-TOKEN} of every change. */
  public record PortalSession(boolean loggedIn, String userId, String enterpriseName, String csrfToken) {

    static PortalSession none() {
      return new PortalSession(false, null, null, null);
    }
  }

  /**
   * Logs in: a wrong credit code or password is a 401 (slowed by the {@link LoginThrottle}), a staff
   * account a 403. A new session replaces the browser's old one.
   */
  @PostMapping
  public PortalSession logIn(@RequestBody Credentials credentials, HttpServletRequest request,
      HttpServletResponse response) {
    String userId = credentials.creditCode() == null ? "" : credentials.creditCode().strip().toUpperCase();
    if (userId.isEmpty() || credentials.password() == null || credentials.password().isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "MISSING_CREDENTIALS",
          userId.isEmpty() ? "creditCode" : "password", "请填写统一社会信用代码和密码");
    }
    Optional<Duration> wait = throttle.wait(request.getRemoteAddr(), userId, CHANNEL);
    if (wait.isPresent()) {
      long seconds = LoginThrottle.seconds(wait.get());
      response.setHeader("Retry-After", String.valueOf(seconds));
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", null,
          "登录失败次数过多，请 " + seconds + " 秒后再试。");
    }
    if (!identityService.checkPassword(userId, credentials.password())) {
      throttle.failed(request.getRemoteAddr(), userId, CHANNEL);
      throw new ApiException(HttpStatus.UNAUTHORIZED, "LOGIN_FAILED", null,
          "统一社会信用代码或密码不正确（连续输错后须稍候再试）");
    }
    throttle.succeeded(request.getRemoteAddr(), userId);
    if (identityService.createGroupQuery().groupMember(userId).groupId(EnterpriseAccounts.GROUP).count() == 0) {
      throw new ApiException(HttpStatus.FORBIDDEN, "NOT_AN_ENTERPRISE", null,
          "企业服务平台仅限企业账号登录；工作人员请使用 Tasklist 或 Cockpit");
    }
    String enterpriseName = accounts.enterpriseOf(userId).name();
    PortalSessions.PortalLogin login = sessions.start(request, userId);
    return new PortalSession(true, userId, enterpriseName, login.csrfToken());
  }

  /** Whether this browser is logged in to the portal (after a reload, the page asks here for its token). */
  @GetMapping
  public PortalSession current(HttpServletRequest request) {
    return sessions.current(request)
        .map(login -> new PortalSession(true, login.userId(), accounts.enterpriseOf(login.userId()).name(),
            login.csrfToken()))
        .orElseGet(PortalSession::none);
  }

  /** Logs out (a change: the page sends its token). */
  @DeleteMapping
  public ResponseEntity<Void> logOut(HttpServletRequest request) {
    sessions.end(request);
    return ResponseEntity.noContent().build();
  }
}
