package io.github.xuke.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every password check behind the {@link LoginThrottle}: HTTP Basic on {@code /engine-rest},
 * {@code /api} and {@code /actuator}, and the webapps' login form. An attempt that must wait is
 * answered 429 with {@code Retry-After} and its password is not checked; afterwards a 401 counts
 * as a failure (metric {@code xuke.login.failures}, logged with the source) and a success clears
 * the account's delay. Requests with a session and no credentials are not attempts.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  /** The webapps' login: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

  private final LoginThrottle throttle;

  public LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  /** Who tries to log in, and where. */
  record Attempt(String account, String channel) {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    HttpServletRequest checked = request;
    Optional<Attempt> attempt = basicAttempt(request);
    if (attempt.isEmpty() && isWebappLogin(request)) {
      FormBody form = FormBody.read(request);
      checked = form.request();
      attempt = Optional.of(new Attempt(form.value("username"), "webapp"));
    }
    if (attempt.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String source = request.getRemoteAddr();
    String account = attempt.get().account();
    Optional<Duration> wait = throttle.wait(source, account, attempt.get().channel());
    if (wait.isPresent()) {
      long seconds = LoginThrottle.seconds(wait.get());
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(seconds));
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"code\":\"TOO_MANY_ATTEMPTS\",\"type\":\"TooManyAttempts\",\"message\":\""
          + "登录失败次数过多，请 " + seconds + " 秒后再试。\"}");
      return;
    }
    chain.doFilter(checked, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(source, account, attempt.get().channel());
    } else if (response.getStatus() < 400) {
      throttle.succeeded(source, account);
    }
  }

  private static Optional<Attempt> basicAttempt(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String user;
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      user = decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
    } catch (IllegalArgumentException e) {
      user = "";
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return Optional.of(new Attempt(user, path.startsWith("/engine-rest") ? "engine-rest" : "api"));
  }

  private static boolean isWebappLogin(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/");
  }

  /** The login form, read once and handed on unchanged. */
  record FormBody(HttpServletRequest request, String body) {

    static final int MAX_BYTES = 16 * 1024;

    static FormBody read(HttpServletRequest request) throws IOException {
      byte[] bytes = request.getInputStream().readNBytes(MAX_BYTES);
      return new FormBody(new CachedBodyRequest(request, bytes), new String(bytes, StandardCharsets.ISO_8859_1));
    }

    String value(String name) {
      for (String pair : body.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).equals(name)) {
          try {
            return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            return pair.substring(equals + 1);
          }
        }
      }
      return "";
    }
  }
}
