package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Clients that send their request body slowly tie up neither the server's threads nor its
 * connections for long: health and the API answer during such an attack, the slow requests are
 * answered 408 within the body timeout, refused requests are not waited for.
 */
@XukeTest
class SlowBodyTest {

  static final int ATTACKERS = 250;
  static final int DECLARED_LENGTH = 4096;
  static final Duration DRIBBLE = Duration.ofSeconds(2);

  @LocalServerPort int port;
  @Autowired RequestLimits limits;
  @Autowired JdbcClient jdbc;

  /** One raw connection: headers sent, the body still to come (loopback only). */
  private final class Connection implements AutoCloseable {

    final Socket socket;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    boolean closedByServer;

    Connection(String requestHead, String bodyStart) throws IOException {
      socket = new Socket("localhost", port);
      socket.setSoTimeout(1);
      send(requestHead + "\r\n" + bodyStart);
    }

    void send(String text) throws IOException {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    }

    /** Reads what the server has sent so far, without waiting. */
    void poll() {
      if (closedByServer) {
        return;
      }
      try {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        int read;
        while ((read = in.read(buffer)) > 0) {
          received.write(buffer, 0, read);
        }
        closedByServer = read < 0;
      } catch (SocketTimeoutException nothingYet) {
        // nothing more for now
      } catch (IOException reset) {
        closedByServer = true;
      }
    }

    String answer() {
      return received.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private String post(String path, int contentLength, String... headers) {
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + String.join("", headers) + "Content-Length: " + contentLength + "\r\n";
  }

  private static String basic(String user, String password) {
    return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()) + "\r\n";
  }

  @Test
  void healthAndTheApiAnswerWhileHundredsOfBodiesTrickleIn() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    HttpRequest precheck = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/precheck"))
        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"licenceType\":\"HAZCHEM_SAFE_USE\",\"materials\":[]}")).build();
    // warm (the first pre-check evaluates the DMN cold), so that the probes below time the attack only
    assertThat(client.send(precheck, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    List<Connection> attack = new ArrayList<>();
    try {
      long start = System.nanoTime();
      for (int i = 0; i < ATTACKERS; i++) {
        attack.add(new Connection(post("/api/precheck", DECLARED_LENGTH), "{"));
      }
      long deadline = start + limits.bodyTimeout().plusSeconds(3).toNanos();
      long nextDribble = System.nanoTime() + DRIBBLE.toNanos();
      int probes = 0;
      while (System.nanoTime() < deadline && attack.stream().anyMatch(connection -> !connection.closedByServer)) {
        if (probes < 3) {
          long asked = System.nanoTime();
          HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
          long millis = (System.nanoTime() - asked) / 1_000_000;
          assertThat(answer.statusCode()).isEqualTo(200);
          assertThat(millis).as("health answers in under 2 s during the attack").isLessThan(2000);
          assertThat(client.send(precheck, HttpResponse.BodyHandlers.ofString()).statusCode())
              .as("the API keeps serving").isEqualTo(200);
          probes++;
        }
        if (System.nanoTime() >= nextDribble) {
          for (Connection connection : attack) {
            if (!connection.closedByServer) {
              connection.send(" ");
            }
          }
          nextDribble += DRIBBLE.toNanos();
        }
        attack.forEach(Connection::poll);
        Thread.sleep(200);
      }
      assertThat(probes).isEqualTo(3);
      assertThat(attack).as("every slow request answered 408 and closed within the body timeout")
          .allSatisfy(connection -> {
            assertThat(connection.closedByServer).isTrue();
            assertThat(connection.answer()).startsWith("HTTP/1.1 408");
          });
    } finally {
      for (Connection connection : attack) {
        connection.close();
      }
    }
  }

  @Test
  void aRefusedRequestIsAnsweredAndClosedWithoutWaitingForItsBody() throws Exception {
    for (String path : List.of("/api/applications", "/engine-rest/deployment/create", "/portal/")) {
      // warm (engine-rest starts on its first request)
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.discarding());
      try (Connection connection = new Connection(post(path, DECLARED_LENGTH), "{")) {
        // were the body awaited, the connection would stay open until the client gave up (20 s of silence)
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!connection.closedByServer && System.nanoTime() < until) {
          connection.poll();
          Thread.sleep(20);
        }
        assertThat(connection.answer()).as(path).matches("(?s)HTTP/1.1 (401|405).*");
        assertThat(connection.closedByServer).as(path + ": closed, the rest of the body not awaited").isTrue();
      }
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedAtOnce() throws Exception {
    int tooLarge = (int) limits.maxBufferedBody().toBytes() + 1;
    try (Connection connection = new Connection(post("/api/precheck", tooLarge), "{")) {
      long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (!connection.closedByServer && System.nanoTime() < until) {
        connection.poll();
        Thread.sleep(20);
      }
      assertThat(connection.answer()).startsWith("HTTP/1.1 413").contains("请求内容过大");
      assertThat(connection.closedByServer).isTrue();
    }
  }

  /** The body is read before the application runs; the application still runs as the authenticated user. */
  @Test
  void aBodyInPiecesReachesTheApplicationAsItsUser() throws Exception {
    byte[] body = new ObjectMapper().writeValueAsBytes(CaseDriver.apiApplication(CaseDriver.newCreditCode()));
    String json = new String(body, StandardCharsets.UTF_8);
    // (a wrong password of a real account would lock it for a few seconds)
    try (Connection wrong = new Connection(post("/api/applications", body.length, basic("nobody", "wrong")), "")) {
      wrong.send(json.substring(0, 10));
      Thread.sleep(300);
      wrong.poll();
      assertThat(wrong.answer()).startsWith("HTTP/1.1 401");
    }
    try (Connection connection = new Connection(post("/api/applications", body.length, basic("clerk2", "demo")), "")) {
      int half = json.length() / 2;
      connection.send(json.substring(0, half));
      Thread.sleep(500);
      connection.send(json.substring(half));
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!connection.answer().contains("processInstanceId") && System.nanoTime() < until) {
        connection.poll();
        Thread.sleep(20);
      }
      assertThat(connection.answer()).startsWith("HTTP/1.1 201");
      Matcher id = Pattern.compile("\"applicationId\":(\\d+)").matcher(connection.answer());
      assertThat(id.find()).isTrue();
      assertThat(jdbc.sql("select received_by from licence_application where id = ?").param(Long.parseLong(id.group(1)))
          .query(String.class).single()).isEqualTo("clerk2");
    }
  }
}
