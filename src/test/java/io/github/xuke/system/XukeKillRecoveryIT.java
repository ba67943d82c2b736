package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.application.process.CaseDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Durability: the packaged app, on its H2 files, is killed with SIGKILL while applications are
 * being submitted; after a restart on the same files every application it acknowledged (201) is
 * there, with its running process instance.
 */
class XukeKillRecoveryIT {

  static final int SUBMITTERS = 2;
  static final int AT_LEAST_ACKNOWLEDGED = 40;
  static final int AT_MOST_PER_SUBMITTER = 400;

  record Acknowledged(long applicationId, String processInstanceId) {}

  @Test
  void everyAcknowledgedApplicationSurvivesKillDashNine() throws Exception {
    Path jar = Path.of(System.getProperty("xuke.packagedJar", "target/xuke-0.1.0-SNAPSHOT.jar"));
    assertThat(jar).exists();
    Path dataDir = Files.createTempDirectory("xuke-kill-test");
    int port = freePort();
    TestHttp http = new TestHttp(port);

    Process first = start(jar, dataDir, port, "first");
    Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> submitters = java.util.stream.IntStream.range(0, SUBMITTERS).mapToObj(i -> new Thread(() -> {
      for (int n = 0; n < AT_MOST_PER_SUBMITTER && !stop.get(); n++) {
        try {
          TestHttp.Response response = http.postJson("/api/applications", "clerk", "demo",
              CaseDriver.apiApplication(CaseDriver.newCreditCode()));
          if (response.status() == 201) {
            JsonNode body = response.json();
            acknowledged.add(new Acknowledged(body.path("applicationId").asLong(),
                body.path("processInstanceId").asText()));
          }
        } catch (UncheckedIOException connectionLost) {
          return;
        }
      }
    })).toList();
    submitters.forEach(Thread::start);
    Instant giveUp = Instant.now().plusSeconds(90);
    while (acknowledged.size() < AT_LEAST_ACKNOWLEDGED && Instant.now().isBefore(giveUp)) {
      Thread.sleep(50);
    }
    first.destroyForcibly(); // SIGKILL, while the submitters are still writing
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    stop.set(true);
    for (Thread submitter : submitters) {
      submitter.join(30_000);
    }
    assertThat(acknowledged).as("applications acknowledged before the kill").hasSizeGreaterThanOrEqualTo(AT_LEAST_ACKNOWLEDGED);

    Process second = start(jar, dataDir, port, "second");
    try {
      for (Acknowledged application : acknowledged) {
        TestHttp.Response stored = http.get("/api/applications/" + application.applicationId(), "clerk", "demo");
        assertThat(stored.status()).as("application " + application.applicationId()).isEqualTo(200);
        assertThat(stored.json().path("processInstanceId").asText()).isEqualTo(application.processInstanceId());
        assertThat(http.get("/engine-rest/process-instance/" + application.processInstanceId(), "admin",
            "xuke-admin").status()).as("process instance " + application.processInstanceId()).isEqualTo(200);
      }
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Process start(Path jar, Path dataDir, int port, String name) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-Xmx768m", "-jar", jar.toString(),
        "--server.port=" + port, "--xuke.data-dir=" + dataDir, "--logging.level.root=warn")
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve(name + ".log").toFile())
        .start();
    TestHttp http = new TestHttp(port);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the app stopped: " + Files.readString(dataDir.resolve(name + ".log")));
      }
      try {
        if (http.get("/api/calendar/deadline?from=2026-03-02&workingDays=1", null, null).status() == 200) {
          return process;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    process.destroyForcibly();
    throw new AssertionError("the app did not start within 3 minutes");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
