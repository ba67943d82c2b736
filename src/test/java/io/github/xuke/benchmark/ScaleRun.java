package io.github.xuke.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.expert.process.ExpertReviewProcess;
import io.github.xuke.system.StaffGroup;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;

/**
 * The scale table: Xuke with a year of expert assignments behind it ({@link ExpertHistory}) is loaded
 * through its API with open cases (received by {@code POST /api/applications} and accepted over
 * engine-rest by the window clerks, {@link RestCase}); the loading alternates chunks worked by 1 client
 * and by 4 concurrent clients (clerk, clerk2, clerk, clerk2), so both rates are taken over the same
 * volumes. At each level of open cases it measures, one request at a time, {@code samples} times each:
 * the acceptance of a new case (the clerk's {@code submit-form}), the SLA board (chief representative,
 * first page of 50), the case officer's task list as Tasklist asks it (the group filter's first 15,
 * with variables, and its count), a case view (clerk), the portal's case list (an enterprise), and one
 * task completion (an expert confirms participation); plus the used heap after a full GC and the size
 * of H2's trace file.
 */
final class ScaleRun {

  static final String ACCEPTANCE = "acceptance (submit-form)";
  static final String BOARD = "SLA board, first 50";
  static final String TASK_LIST = "officer's task list (filter, 15)";
  static final String TASK_COUNT = "officer's task count (filter)";
  static final String CASE_VIEW = "case view";
  static final String PORTAL = "portal case list";
  static final String COMPLETION = "one task completion (an expert confirms)";
  static final List<String> FIGURES = List.of(ACCEPTANCE, BOARD, TASK_LIST, TASK_COUNT, CASE_VIEW, PORTAL, COMPLETION);

  private static final List<String> CLERKS = List.of("clerk", "clerk2", "clerk", "clerk2");

  /** What was measured at one level. */
  record Level(int openCases, long usedHeapBytes, long traceBytes, Map<String, Calls> figures, double boardKb) {}

  /** Loading: accepted cases and the time spent, per number of clients. */
  static final class Load {
    final Map<Integer, Integer> cases = new LinkedHashMap<>(Map.of(1, 0, CLERKS.size(), 0));
    final Map<Integer, Long> nanos = new LinkedHashMap<>(Map.of(1, 0L, CLERKS.size(), 0L));

    double rate(int clients) {
      return cases.get(clients) / (nanos.get(clients) / 1e9);
    }
  }

  /** The whole run: the levels, the loading, the assignments behind them, the failures seen. */
  record Result(List<Level> levels, Load load, int assignments, List<String> failures) {}

  private final RunningXuke xuke;
  private final BenchmarkDatabase database;
  private final int samples;
  private final int chunk;
  private final Consumer<String> log;
  private final List<RestCase.Received> open = Collections.synchronizedList(new ArrayList<>());
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final Load load = new Load();
  private final RestCase rest;
  private final Random random = new Random(7);
  private final HttpClient halClient = HttpClient.newHttpClient();
  private String officerFilter;
  private String portalUser;
  private String portalPassword;
  private int confirmed;
  private boolean concurrent;

  ScaleRun(RunningXuke xuke, BenchmarkDatabase database, int samples, int chunk, Consumer<String> log) {
    this.xuke = xuke;
    this.database = database;
    this.samples = samples;
    this.chunk = chunk;
    this.log = log;
    this.rest = new RestCase(xuke.port());
  }

  Result run(List<Integer> levels, int assignments) throws SQLException, InterruptedException {
    int inserted = ExpertHistory.insert(xuke.bean(DataSource.class), assignments);
    log.accept("expert history: " + inserted + " assignments over the last 365 days");
    List<Level> measured = new ArrayList<>();
    for (int level : levels) {
      loadUpTo(level);
      measured.add(measure());
      Level last = measured.get(measured.size() - 1);
      log.accept("level %d: %s".formatted(last.openCases(), summary(last)));
    }
    return new Result(measured, load, inserted, List.copyOf(failures));
  }

  // ---- loading

  private void loadUpTo(int target) throws InterruptedException {
    while (open.size() < target) {
      int cases = Math.min(chunk, target - open.size());
      int clients = concurrent ? CLERKS.size() : 1;
      long start = System.nanoTime();
      int accepted = loadChunk(cases, clients);
      load.nanos.merge(clients, System.nanoTime() - start, Long::sum);
      load.cases.merge(clients, accepted, Integer::sum);
      concurrent = !concurrent;
      if (open.size() % 200 < chunk) {
        log.accept("loaded %d open cases (1 client %.2f/s, %d clients %.2f/s)".formatted(open.size(), load.rate(1),
            CLERKS.size(), load.rate(CLERKS.size())));
      }
    }
  }

  private int loadChunk(int cases, int clients) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Integer>> work = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        String clerk = CLERKS.get(client);
        int share = cases / clients + (client < cases % clients ? 1 : 0);
        work.add(pool.submit(() -> {
          RestCase window = new RestCase(xuke.port());
          int accepted = 0;
          for (int i = 0; i < share; i++) {
            try {
              RestCase.Received received = window.receive(clerk);
              window.accept(clerk, received, Calls.unmeasured());
              open.add(received);
              accepted++;
            } catch (RuntimeException failure) {
              failures.add("loading as " + clerk + ": " + failure.getMessage());
            }
          }
          return accepted;
        }));
      }
      int accepted = 0;
      for (Future<Integer> future : work) {
        accepted += future.get();
      }
      return accepted;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  // ---- measuring

  private Level measure() {
    int openCases = open.size();
    long heap = usedHeapAfterGc();
    long trace = database.traceFile(xuke.dataDir()).map(BenchmarkDatabase::size).orElse(-1L);
    TestHttp http = rest.http();
    Map<String, Calls> figures = new LinkedHashMap<>();
    FIGURES.forEach(figure -> figures.put(figure, new Calls(xuke.counter())));
    for (int i = 0; i < samples; i++) {
      RestCase.Received received = rest.receive("clerk");
      rest.accept("clerk", received, figures.get(ACCEPTANCE));
      open.add(received);
    }
    long boardBytes = 0;
    for (int i = 0; i < samples; i++) {
      boardBytes += measured(figures.get(BOARD), () -> http.get("/api/sla/board?page=0&size=50", "chief", RestCase.PASSWORD))
          .body().getBytes(StandardCharsets.UTF_8).length;
    }
    String filter = officerFilter();
    for (int i = 0; i < samples; i++) {
      measured(figures.get(TASK_LIST), () -> halPost("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
          "officer"));
      measured(figures.get(TASK_COUNT), () -> http.get("/engine-rest/filter/" + filter + "/count", "officer", RestCase.PASSWORD));
    }
    for (int i = 0; i < samples; i++) {
      long id = open.get(random.nextInt(openCases)).applicationId();
      measured(figures.get(CASE_VIEW), () -> http.get("/api/applications/" + id, "clerk", RestCase.PASSWORD));
    }
    openPortalAccount();
    for (int i = 0; i < samples; i++) {
      measured(figures.get(PORTAL), () -> http.get("/api/portal/applications", portalUser, portalPassword));
    }
    for (int i = 0; i < samples; i++) {
      RestCase.Received received = open.get(confirmed++);
      JsonNode invitation = rest.expertTasks(received, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION).get(0);
      rest.submitAssigned(invitation, figures.get(COMPLETION), Map.of(ExpertReviewProcess.Variables.PARTICIPATION_DECISION,
          RestCase.text(ExpertReviewProcess.Values.PARTICIPATE)));
    }
    return new Level(openCases, heap, trace, figures, boardBytes / 1024.0 / samples);
  }

  /** One request, timed and counted; anything but 200 is a failure of the run. */
  private TestHttp.Response measured(Calls calls, Supplier<TestHttp.Response> request) {
    TestHttp.Response[] response = new TestHttp.Response[1];
    calls.measure(() -> response[0] = request.get());
    return RestCase.expect(200, "scale request", response[0]);
  }

  /** The filter "承办人待办" as the officer's Tasklist lists it. */
  private String officerFilter() {
    if (officerFilter == null) {
      String name = StaffGroup.CASE_OFFICER.displayName() + "待办";
      for (JsonNode filter : RestCase.expect(200, "GET filters", rest.http().get("/engine-rest/filter?resourceType=Task&maxResults=100",
          "officer", RestCase.PASSWORD)).json()) {
        if (filter.path("name").asText().equals(name)) {
          officerFilter = filter.path("id").asText();
        }
      }
      if (officerFilter == null) {
        throw new IllegalStateException("no filter " + name + " for the officer");
      }
    }
    return officerFilter;
  }

  /** The portal account of the first loaded case's enterprise, opened at the window once. */
  private void openPortalAccount() {
    if (portalUser == null) {
      String creditCode = open.get(0).creditCode();
      JsonNode opened = RestCase.expect(201, "POST /api/enterprise-accounts", rest.http().postJson(
          "/api/enterprise-accounts", "clerk", RestCase.PASSWORD, Map.of("creditCode", creditCode))).json();
      portalUser = creditCode;
      portalPassword = opened.path("initialPassword").asText();
    }
  }

  /** A POST with an empty JSON body asking for HAL, as Tasklist lists a filter (with the columns' variables). */
  private TestHttp.Response halPost(String path, String user) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + xuke.port() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + RestCase.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/hal+json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    try {
      HttpResponse<String> response = halClient.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new TestHttp.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String summary(Level level) {
    StringBuilder text = new StringBuilder();
    level.figures().forEach((figure, calls) -> text.append("%s p50 %.0f p99 %.0f ms; ".formatted(figure,
        calls.latencies().p50(), calls.latencies().p99())));
    return text.toString();
  }

  // ---- the table

  /** The scale table and the loading table. */
  static void report(Report report, Result result) {
    List<Level> levels = result.levels();
    Level first = levels.get(0);
    Level last = levels.get(levels.size() - 1);
    String atLast = last.openCases() >= 10_000 ? "" : " (judged at " + last.openCases() + ")";
    List<String> columns = new ArrayList<>(List.of("figure"));
    levels.forEach(level -> columns.add("at " + level.openCases() + " open"));
    columns.addAll(List.of("ratio last/first", "target", "result"));
    report.section("Scale (" + result.assignments() + " expert assignments of the last 365 days behind the cases; "
        + levels.get(0).figures().get(ACCEPTANCE).count() + " samples per figure and level)", columns.toArray(String[]::new));
    figure(report, levels, ACCEPTANCE, "p50 ms", Latencies::p50, (all, ratio) ->
        all.stream().allMatch(value -> value <= 100) && ratio <= 1.3, "≤ 100 ms; ≤ 1.3× first→last");
    figure(report, levels, ACCEPTANCE, "p99 ms", Latencies::p99, null, "reported");
    figure(report, levels, BOARD, "p50 ms", Latencies::p50, null, "reported");
    figure(report, levels, BOARD, "p99 ms", Latencies::p99, (all, ratio) ->
        all.get(all.size() - 1) <= 100 && ratio <= 1.5, "≤ 100 ms at 10,000" + atLast + "; ≤ 1.5× first→last");
    for (String figure : List.of(TASK_LIST, TASK_COUNT, CASE_VIEW)) {
      figure(report, levels, figure, "p50 ms", Latencies::p50, null, "reported");
      figure(report, levels, figure, "p99 ms", Latencies::p99, (all, ratio) -> all.get(all.size() - 1) <= 50,
          "≤ 50 ms at 10,000" + atLast);
    }
    figure(report, levels, PORTAL, "p50 ms", Latencies::p50, (all, ratio) -> ratio <= 1.3, "flat: ≤ 1.3× first→last");
    figure(report, levels, PORTAL, "p99 ms", Latencies::p99, null, "reported");
    figure(report, levels, COMPLETION, "p50 ms", Latencies::p50, null, "reported");
    figure(report, levels, COMPLETION, "p99 ms", Latencies::p99, null, "reported");
    for (String figure : List.of(ACCEPTANCE, BOARD, TASK_LIST, COMPLETION)) {
      row(report, levels, figure + ", SQL statements each",
          level -> (double) level.figures().get(figure).sql().statements() / level.figures().get(figure).count(), null, "reported");
    }
    row(report, levels, ACCEPTANCE + ", commits each",
        level -> (double) level.figures().get(ACCEPTANCE).sql().commits() / level.figures().get(ACCEPTANCE).count(), null,
        "reported");
    row(report, levels, "SLA board answer, KB", Level::boardKb, null, "reported");
    row(report, levels, "used heap after GC, MB", level -> level.usedHeapBytes() / 1024.0 / 1024.0, null, "reported");
    List<String> slope = new ArrayList<>(List.of("heap per open case, KB (slope)"));
    levels.forEach(level -> slope.add(level == last ? Report.number(heapSlope(levels) / 1024.0) : "—"));
    slope.addAll(List.of("—", "reported"));
    report.row(null, slope.toArray(String[]::new));
    Level thousand = levels.stream().filter(level -> level.openCases() >= 1000).findFirst().orElse(null);
    List<String> trace = new ArrayList<>(List.of("H2 trace file, KB"));
    levels.forEach(level -> trace.add(level.traceBytes() < 0 ? "n/a" : Report.number(level.traceBytes() / 1024.0)));
    trace.addAll(List.of("—", "< 1 MB after 1,000 cases"));
    report.row(thousand == null || thousand.traceBytes() < 0 ? null : thousand.traceBytes() < 1024 * 1024,
        trace.toArray(String[]::new));

    Load load = result.load();
    int many = CLERKS.size();
    report.section("Loading open cases through the API (POST /api/applications + acceptance over engine-rest; chunks of "
        + "1 and " + many + " clients alternating)", "figure", "1 client", many + " clients", "ratio " + many + "/1",
        "target", "result");
    report.row(load.rate(many) >= 20, "accepted cases/s", Report.number(load.rate(1)) + " (" + load.cases.get(1) + " cases)",
        Report.number(load.rate(many)) + " (" + load.cases.get(many) + " cases)", Report.ratio(load.rate(many) / load.rate(1)),
        "≥ 20/s with " + many + " clients");
    report.row(load.rate(many) > load.rate(1), many + " concurrent clerks scale above 1", Report.number(load.rate(1)),
        Report.number(load.rate(many)), Report.ratio(load.rate(many) / load.rate(1)), "> 1×");
    if (!result.failures().isEmpty()) {
      report.line("").line("Failed requests while loading (" + result.failures().size() + "):");
      result.failures().stream().limit(20).forEach(failure -> report.line("- " + failure));
    }
  }

  /** A verdict on a figure's values by level and its last/first ratio. */
  private interface Verdict {
    boolean met(List<Double> values, double ratio);
  }

  private static void figure(Report report, List<Level> levels, String figure, String statistic,
      ToDoubleFunction<Latencies> value, Verdict verdict, String target) {
    row(report, levels, figure + " " + statistic, level -> value.applyAsDouble(level.figures().get(figure).latencies()),
        verdict, target);
  }

  private static void row(Report report, List<Level> levels, String name, ToDoubleFunction<Level> value, Verdict verdict,
      String target) {
    List<Double> values = levels.stream().map(value::applyAsDouble).toList();
    double ratio = values.get(values.size() - 1) / values.get(0);
    List<String> cells = new ArrayList<>(List.of(name));
    values.forEach(number -> cells.add(Report.number(number)));
    cells.add(Report.ratio(ratio));
    cells.add(target);
    report.row(verdict == null ? null : verdict.met(values, ratio), cells.toArray(String[]::new));
  }

  /** Bytes of used heap per open case: the least-squares slope over the levels. */
  static double heapSlope(List<Level> levels) {
    double n = levels.size();
    double meanX = levels.stream().mapToDouble(Level::openCases).sum() / n;
    double meanY = levels.stream().mapToDouble(Level::usedHeapBytes).sum() / n;
    double covariance = levels.stream().mapToDouble(l -> (l.openCases() - meanX) * (l.usedHeapBytes() - meanY)).sum();
    double variance = levels.stream().mapToDouble(l -> Math.pow(l.openCases() - meanX, 2)).sum();
    return variance == 0 ? Double.NaN : covariance / variance;
  }
}
