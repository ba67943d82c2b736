package io.github.xuke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A logged-in Camunda webapp session, as Tasklist's own scripts have it: the session cookie and
 * the XSRF token that every modifying call sends back.
 */
public final class WebappSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Logs the user in to a webapp ({@code tasklist}, {@code cockpit}); the response status of the login. */
  public static WebappSession login(int port, String app, String user, String password) {
    WebappSession session = new WebappSession(port);
    session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/" + app + "/")).GET());
    TestHttp.Response login = session.send(HttpRequest.newBuilder(
            URI.create(session.base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password))));
    if (login.status() != 200) {
      throw new IllegalStateException("login of " + user + " failed: " + login);
    }
    // the login starts a new session; its first call hands out the session's token
    session.get("/camunda/api/admin/auth/user/default");
    return session;
  }

  public TestHttp.Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public TestHttp.Response postJson(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** The XSRF token of this session (sent as {@code X-XSRF-TOKEN} on modifying calls). */
  public String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, second) -> second)
        .orElse("");
  }

  private TestHttp.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.header("X-XSRF-TOKEN", xsrfToken()).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new TestHttp.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
