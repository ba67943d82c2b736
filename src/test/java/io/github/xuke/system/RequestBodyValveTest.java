package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The valve in a Tomcat of its own with two worker body readers (the app's has a hundred): slow
 * uploads hold at most those two threads, the next one is told 503 at once, everything else answers;
 * an answer given without reading the body closes the connection and stays the application's answer.
 */
class RequestBodyValveTest {

  static final int READERS = 2;

  @TempDir Path baseDir;
  Tomcat tomcat;
  int port;
  final CountDownLatch readersInside = new CountDownLatch(READERS);

  @BeforeEach
  void start() throws LifecycleException {
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("", baseDir.toString());
    Tomcat.addServlet(context, "upload", new HttpServlet() {
      @Override
      protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        readersInside.countDown();
        request.getInputStream().readAllBytes();
        response.setStatus(204);
      }
    });
    context.addServletMappingDecoded("/upload", "upload");
    Tomcat.addServlet(context, "refuse", new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(401);
        response.setContentType("application/json");
        response.getWriter().write("{\"code\":\"UNAUTHORIZED\"}");
      }
    });
    context.addServletMappingDecoded("/refuse", "refuse");
    Tomcat.addServlet(context, "ping", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write("pong");
      }
    });
    context.addServletMappingDecoded("/ping", "ping");
    context.getPipeline().addValve(new RequestBodyValve(READERS));
    tomcat.start();
    port = tomcat.getConnector().getLocalPort();
  }

  @AfterEach
  void stop() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }

  /** A raw connection that has sent its request head and the first byte of a 100-byte body. */
  private Socket slowPost(String path) throws IOException {
    Socket socket = new Socket("localhost", port);
    socket.setSoTimeout(5000);
    socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nx")
        .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /** Everything the server sends until it closes the connection (a timeout after 5 s of silence). */
  private static String answerUntilClosed(Socket socket) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[1024];
    for (int read; (read = in.read(buffer)) >= 0; ) {
      answer.write(buffer, 0, read);
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void slowUploadsHoldAtMostTheirShareOfThreads() throws Exception {
    try (Socket first = slowPost("/upload"); Socket second = slowPost("/upload")) {
      assertThat(readersInside.await(5, TimeUnit.SECONDS)).as("both uploads are being read").isTrue();
      long asked = System.nanoTime();
      try (Socket third = slowPost("/upload")) {
        String answer = answerUntilClosed(third);
        assertThat(answer).startsWith("HTTP/1.1 503").contains("Retry-After: 10", "系统繁忙");
      }
      try (Socket ping = new Socket("localhost", port)) {
        ping.setSoTimeout(5000);
        ping.getOutputStream().write("GET /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        assertThat(answerUntilClosed(ping)).startsWith("HTTP/1.1 200").endsWith("pong");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));

      first.getOutputStream().write("y".repeat(99).getBytes(StandardCharsets.US_ASCII));
      first.getOutputStream().flush();
      byte[] status = new byte[12];
      assertThat(first.getInputStream().readNBytes(status, 0, 12)).isEqualTo(12);
      assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 204");
      try (Socket next = slowPost("/upload")) {
        next.getOutputStream().write("z".repeat(99).getBytes(StandardCharsets.US_ASCII));
        next.getOutputStream().flush();
        assertThat(next.getInputStream().readNBytes(status, 0, 12)).isEqualTo(12);
        assertThat(new String(status, StandardCharsets.US_ASCII)).as("a finished upload frees its place")
            .isEqualTo("HTTP/1.1 204");
      }
    }
  }

  @Test
  void anAnswerGivenWithoutReadingTheBodyClosesTheConnectionAndStaysTheApplicationsAnswer() throws Exception {
    try (Socket refused = slowPost("/refuse")) {
      String answer = answerUntilClosed(refused);
      assertThat(answer).startsWith("HTTP/1.1 401").endsWith("{\"code\":\"UNAUTHORIZED\"}");
    }
    try (Socket notAllowed = slowPost("/ping")) {
      assertThat(answerUntilClosed(notAllowed)).as("Tomcat's error page still answers a 405")
          .startsWith("HTTP/1.1 405").contains("HTTP Status 405");
    }
  }
}
