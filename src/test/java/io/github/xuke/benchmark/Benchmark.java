package io.github.xuke.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The performance benchmark of issue 11, run by {@code ./mvnw -Pbenchmark verify} (settings:
 * {@link BenchmarkSettings}). In one JVM and on the same database settings it measures
 * <ol>
 *   <li>the packaged jar's start to ready and idle RSS ({@link StartupProbe});
 *   <li>full cases on the bare engine against Xuke in-process and Xuke over REST, in alternating blocks
 *       ({@link BareEngine}, {@link XukeInProcess}, {@link XukeOverRest}, {@link SideBySide});
 *   <li>the scale table at the configured levels of open cases ({@link ScaleRun}), on the same app;
 * </ol>
 * and prints the {@link Report} and writes it to {@code target/benchmark.md}.
 */
public final class Benchmark {

  private static final long START = System.nanoTime();

  private Benchmark() {}

  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable failure) {
      failure.printStackTrace();
      System.exit(1); // the app's and the engines' non-daemon threads would keep the JVM alive
    }
    System.exit(0);
  }

  private static void run() throws Exception {
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    empty(settings.dir());
    Report report = new Report().title("Xuke benchmark (issue 11)");
    try (BenchmarkDatabase database = BenchmarkDatabase.of(settings.database())) {
      header(report, settings, database);
      if (settings.runs("startup")) {
        startup(report, settings);
      }
      if (settings.runs("sides") || settings.runs("scale")) {
        try (RunningXuke xuke = RunningXuke.start(database, "xuke", settings.dir().resolve("xuke"))) {
          log("Xuke started on port " + xuke.port());
          if (settings.runs("sides")) {
            sides(report, settings, database, xuke);
          }
          if (settings.runs("scale")) {
            scale(report, settings, database, xuke);
          }
        }
      }
    }
    report.verdicts().line("").line("Wall time: " + Duration.ofNanos(System.nanoTime() - START).toSeconds() + " s");
    Files.createDirectories(settings.output().toAbsolutePath().getParent());
    Files.writeString(settings.output(), report.toString());
    System.out.println();
    System.out.println(report);
    System.out.println("written to " + settings.output().toAbsolutePath());
  }

  private static void startup(Report report, BenchmarkSettings settings) throws IOException, InterruptedException {
    report.section("Start-up of the packaged jar (" + settings.jar().getFileName() + ", java -jar, no JVM options)",
        "figure", "value", "target", "result");
    if (!Files.exists(settings.jar())) {
      report.row(null, "start to ready", "not measured: " + settings.jar() + " is missing (run package first)", "≤ 10 s");
      return;
    }
    log("start-up probe of " + settings.jar());
    StartupProbe.Result probe = StartupProbe.run(settings.jar(), settings.dir().resolve("startup"), settings.starts());
    double start = median(probe.startSeconds());
    double rss = median(probe.idleRssKb().stream().map(kb -> kb / 1024.0).toList());
    report.row(start <= 10, "start to ready (empty data folder), s, median of " + settings.starts(),
        Report.number(start) + " (" + all(probe.startSeconds()) + ")", "≤ 10 s");
    report.row(null, "start to ready (restart on the same folder), s", Report.number(probe.restartSeconds()), "reported");
    report.row(rss <= 450, "idle RSS " + StartupProbe.IDLE_SECONDS + " s after ready, MB, median",
        Report.number(rss) + " (" + all(probe.idleRssKb().stream().map(kb -> kb / 1024.0).toList()) + ")", "≤ 450 MB");
  }

  private static void sides(Report report, BenchmarkSettings settings, BenchmarkDatabase database, RunningXuke xuke) {
    XukeInProcess inProcess = new XukeInProcess(xuke);
    ClockPlan plan = inProcess.planCase();
    log("CaseClock instances of a Xuke case: " + plan.describe());
    try (BareEngine bare = new BareEngine(database, settings.dir().resolve("bare"), plan)) {
      Map<String, SideBySide.SideResult> results = SideBySide.run(List.of(bare, inProcess, new XukeOverRest(xuke)),
          settings.cases(), settings.blocks(), Benchmark::log);
      List<SideBySide.SideResult> all = List.copyOf(results.values());
      long trace = database.traceFile(xuke.dataDir()).map(BenchmarkDatabase::size).orElse(-1L);
      SideBySide.report(report, all.get(0), all.subList(1, all.size()), trace);
      report.line("")
          .line("- Each side works the same case one step after another: receipt, acceptance with the tolerance pledge, 3 experts "
              + "confirm and pre-review, inspection scheduled, photo uploaded, inspection recorded, review, approval, "
              + "online signature, tolerated items supplied, delivery (14 task completions); each Xuke side as the demo users "
              + "with authorization checks on.")
          .line("- Bare engine: Xuke's own files of processes/, every delegate and listener a stand-in that only writes the "
              + "variables the driver hands it (the panel at the draw), the gateways' and timers' variables given with the "
              + "completions; candidate-group tasks claimed first; authorization checks off (the engine's default); the "
              + "CaseClock instances a Xuke case starts from Java code, started and stopped in the same steps' transactions: "
              + plan.describe() + " (step 0: the start; step k: the k-th task completion). Not mimicked: Xuke's own tables, "
              + "the DMN evaluations, pausing and moving the clocks' timers and the tasks' due dates, identity lookups.")
          .line("- Completion figures: the call that completes a task (the bare engine's complete with its clock work, "
              + "submitTaskForm in-process, submit-form over REST); claims, form loads and task queries count in the per-case "
              + "figures only.");
    }
  }

  private static void scale(Report report, BenchmarkSettings settings, BenchmarkDatabase database, RunningXuke xuke)
      throws Exception {
    int largest = settings.scale().get(settings.scale().size() - 1);
    int assignments = Integer.getInteger("benchmark.assignments", ExpertHistory.PER_CASE * largest);
    ScaleRun.Result result = new ScaleRun(xuke, database, settings.samples(), settings.chunk(), Benchmark::log)
        .run(settings.scale(), assignments);
    ScaleRun.report(report, result);
  }

  private static void header(Report report, BenchmarkSettings settings, BenchmarkDatabase database) {
    Runtime runtime = Runtime.getRuntime();
    report.line("- date: " + OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .line("- machine: " + runtime.availableProcessors() + " cores (" + Machine.cpuModel() + "), "
            + Machine.memoryMb() / 1024 + " GB RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version"))
        .line("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + ", max heap " + runtime.maxMemory() / 1024 / 1024 + " MB, options " + ManagementFactory.getRuntimeMXBean()
            .getInputArguments().stream().filter(arg -> arg.startsWith("-X")).toList())
        .line("- commit: " + Machine.commit())
        .line("- database: " + database.describe())
        .line("- parameters: " + settings.describe());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static String all(List<Double> values) {
    return values.stream().map(Report::number).collect(Collectors.joining(", "));
  }

  static void log(String message) {
    System.out.printf("[benchmark %5ds] %s%n", Duration.ofNanos(System.nanoTime() - START).toSeconds(), message);
  }

  private static void empty(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
  }
}
