package io.github.xuke.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start to ready and idle memory of the packaged jar, as an installation runs it ({@code java -jar},
 * no JVM options): started as a child process on a fresh data folder and a free port, timed from the
 * process start until {@code GET /actuator/health} answers 200; then left idle for
 * {@value #IDLE_SECONDS} s, its resident memory read from {@code /proc/<pid>/status} (VmRSS); then
 * stopped (SIGTERM). That {@code starts} times, each on a new folder (one start alone varies with
 * what else the machine does); then once more on the last folder, for the restart time.
 */
final class StartupProbe {

  static final int IDLE_SECONDS = 10;
  private static final Duration GIVE_UP = Duration.ofMinutes(3);

  /** Starts on empty data folders and the idle RSS after each, in order; a restart on the last folder. */
  record Result(List<Double> startSeconds, List<Long> idleRssKb, double restartSeconds) {}

  private StartupProbe() {}

  static Result run(Path jar, Path workDir, int starts) throws IOException, InterruptedException {
    List<Double> seconds = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    Path dataDir = null;
    for (int i = 1; i <= starts; i++) {
      dataDir = Files.createDirectories(workDir.resolve("start-" + i));
      Started started = start(jar, dataDir, "start");
      try {
        Thread.sleep(IDLE_SECONDS * 1000L);
        rss.add(rssKb(started.process().pid()));
      } finally {
        stop(started.process());
      }
      seconds.add(started.seconds());
    }
    Started restart = start(jar, dataDir, "restart");
    stop(restart.process());
    return new Result(seconds, rss, restart.seconds());
  }

  private record Started(Process process, double seconds) {}

  private static Started start(Path jar, Path dataDir, String name) throws IOException, InterruptedException {
    int port = freePort();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(java.toString(), "-jar", jar.toAbsolutePath().toString(),
        "--server.port=" + port, "--xuke.data-dir=" + dataDir.toAbsolutePath())
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve(name + ".log").toFile())
        .start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() - start < GIVE_UP.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the jar stopped; see " + dataDir.resolve(name + ".log"));
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return new Started(process, (System.nanoTime() - start) / 1e9);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the jar was not ready within " + GIVE_UP);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** VmRSS of the process, in kB (Linux). */
  private static long rssKb(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
          .findFirst().orElseThrow(() -> new IllegalStateException("no VmRSS for " + pid));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/status", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
