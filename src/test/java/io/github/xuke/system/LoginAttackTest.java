package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.XukeTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password guessing as an attacker would try it, each attack from its own loopback address
 * (127.0.0.x) so that the rest of the suite is not slowed: no account is ever locked, guesses are
 * slowed, and the admin logs in again once the guessing stops.
 */
@XukeTest
class LoginAttackTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired MeterRegistry meters;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void guessingTheAdminsPasswordIsSlowedAndNeverLocksTheAdminOut() {
    double failuresBefore = meters.counter("xuke.login.failures", "channel", "engine-rest").count();
    int checked = 0;
    int throttled = 0;
    for (int i = 0; i < 60; i++) {
      int status = basic("127.0.0.51", "/engine-rest/user?maxResults=1", "admin", "guess" + i);
      if (status == 401) {
        checked++;
      } else if (status == 429) {
        throttled++;
      }
    }
    assertThat(checked).as("guesses that reached the password check").isBetween(5, 7);
    assertThat(throttled).isEqualTo(60 - checked);
    assertThat(meters.counter("xuke.login.failures", "channel", "engine-rest").count() - failuresBefore)
        .isEqualTo(checked);
    // the guessing stops; 31 s later the admin logs in, from anywhere
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 31_000));
    assertThat(basic("127.0.0.52", "/engine-rest/user?maxResults=1", "admin", "xuke-admin")).isEqualTo(200);
    assertThat(basic("127.0.0.51", "/engine-rest/user?maxResults=1", "admin", "xuke-admin")).isEqualTo(200);
    assertThat(webappLogin("127.0.0.51", "admin", "xuke-admin")).isEqualTo(200);
  }

  @Test
  void sprayingSixteenAccountsFromOneSourceIsStoppedAfterAFew() {
    int checked = 0;
    for (int i = 0; i < 16; i++) {
      if (basic("127.0.0.53", "/api/applications/1", "user" + i, "demo") == 401) {
        checked++;
      }
    }
    assertThat(checked).isEqualTo(LoginThrottle.FREE_FAILURES);
    assertThat(basic("127.0.0.54", "/api/experts", "chief", "demo")).as("other sources go on").isEqualTo(200);
  }

  @Test
  void theWebappLoginFormIsThrottledTheSame() {
    int checked = 0;
    for (int i = 0; i < 10; i++) {
      if (webappLogin("127.0.0.55", "clerk2", "guess" + i) == 401) {
        checked++;
      }
    }
    assertThat(checked).isEqualTo(LoginThrottle.FREE_FAILURES);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 31_000));
    assertThat(webappLogin("127.0.0.55", "clerk2", "demo")).isEqualTo(200);
  }

  @Test
  void thePortalLoginIsThrottledTheSame() {
    int checked = 0;
    int throttled = 0;
    for (int i = 0; i < 10; i++) {
      String body = "{\"creditCode\":\"91110000MA01ABCD1X\",\"password\":\"guess" + i + "\"}";
      int status = send("127.0.0.56", "POST /api/portal/session HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
          + body);
      checked += status == 401 ? 1 : 0;
      throttled += status == 429 ? 1 : 0;
    }
    assertThat(checked).isEqualTo(LoginThrottle.FREE_FAILURES);
    assertThat(throttled).isEqualTo(10 - LoginThrottle.FREE_FAILURES);
  }

  @Test
  void theEngineNeverLocksAnAccountForFailedPasswords() {
    for (int i = 0; i < 25; i++) {
      assertThat(identityService.checkPassword("clerk2", "wrong" + i)).isFalse();
    }
    assertThat(identityService.checkPassword("clerk2", "demo")).isTrue();
  }

  private int basic(String from, String path, String user, String password) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(from, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
        + "\r\nConnection: close\r\n\r\n");
  }

  private int webappLogin(String from, String user, String password) {
    String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    // the login needs the XSRF token of a session: an unauthenticated GET hands one out
    String[] session = sessionAndToken(from);
    return send(from, "POST /camunda/api/admin/auth/user/default/login/tasklist HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n"
        + "Cookie: JSESSIONID=" + session[0] + "; XSRF-TOKEN=" + session[1] + "\r\nX-XSRF-TOKEN: " + session[1]
        + "\r\nConnection: close\r\n\r\n" + body);
  }

  private String[] sessionAndToken(String from) {
    String response = exchange(from, "GET /camunda/api/admin/auth/user/default HTTP/1.1\r\nHost: localhost\r\n"
        + "Connection: close\r\n\r\n");
    return new String[] {cookie(response, "JSESSIONID"), cookie(response, "XSRF-TOKEN")};
  }

  private static String cookie(String response, String name) {
    int at = response.indexOf(name + "=");
    if (at < 0) {
      throw new IllegalStateException("no " + name + " in " + response);
    }
    int end = response.indexOf(';', at);
    return response.substring(at + name.length() + 1, end);
  }

  private int send(String from, String request) {
    String response = exchange(from, request);
    return Integer.parseInt(response.substring(9, 12));
  }

  private String exchange(String from, String request) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
