package io.github.xuke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * HTTP as a page's script calls the app: one browser's cookie jar (its session), any request header,
 * and the response's headers. {@link TestHttp} is the stateless client with HTTP Basic.
 */
public final class SessionHttp {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;

  public SessionHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A response: status, headers, body; the body readable as JSON. */
  public record Response(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public List<String> headers(String name) {
      return headers.allValues(name);
    }
  }

  public Response get(String path, String... headerNameValues) {
    return send("GET", path, null, headerNameValues);
  }

  /** A request with a JSON body ({@code null}: none) and the given headers, name then value. */
  public Response send(String method, String path, Object json, String... headerNameValues) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    for (int i = 0; i < headerNameValues.length; i += 2) {
      request.header(headerNameValues[i], headerNameValues[i + 1]);
    }
    try {
      if (json == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json").method(method,
            HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(json), StandardCharsets.UTF_8));
      }
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A cookie this browser holds. */
  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
        .map(HttpCookie::getValue).findFirst();
  }

  /**
   * Logs in to the Camunda webapps as Tasklist's login page does, and returns the session's CSRF token
   * (which the webapps' pages read from cookie {@code XSRF-TOKEN}).
   */
  public String logInToWebapps(String user, String password) {
    Response page = get("/camunda/app/tasklist/default/");
    String token = page.header("X-XSRF-TOKEN").orElseThrow();
    HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build();
    try {
      int status = client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new IllegalStateException("webapp login of " + user + ": " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    // the login starts a new session; the webapps' next call hands the page its token
    return get("/camunda/api/admin/auth/user/default").header("X-XSRF-TOKEN").orElseThrow();
  }
}
