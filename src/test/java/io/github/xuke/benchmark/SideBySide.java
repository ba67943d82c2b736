package io.github.xuke.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The comparison: every side works {@code cases} full cases per block, the sides taking turns block
 * by block (bare, in-process, REST, bare, …) so that a slower or faster phase of the machine falls on
 * all of them; one unmeasured case per side first, to load classes and caches. Per side: full
 * cases per second (over all blocks, and per block), the task completions' latencies, and the SQL
 * statements and commits per case and per completion.
 */
final class SideBySide {

  /** What one side did over all its measured blocks. */
  static final class SideResult {
    final String name;
    final double targetShare;
    final List<Double> blockRates = new ArrayList<>();
    final Calls completions;
    int cases;
    long nanos;
    SqlCounter.Snapshot sql = SqlCounter.Snapshot.ZERO;

    SideResult(Side side) {
      this.name = side.name();
      this.targetShare = side.targetShare();
      this.completions = new Calls(side.counter());
    }

    double casesPerSecond() {
      return cases / (nanos / 1e9);
    }

    double statementsPerCase() {
      return (double) sql.statements() / cases;
    }

    double commitsPerCase() {
      return (double) sql.commits() / cases;
    }

    double completionsPerCase() {
      return (double) completions.latencies().count() / cases;
    }

    double statementsPerCompletion() {
      return (double) completions.sql().statements() / completions.latencies().count();
    }

    double commitsPerCompletion() {
      return (double) completions.sql().commits() / completions.latencies().count();
    }
  }

  private SideBySide() {}

  /** Runs the blocks; answers the results by side name, in the sides' order. */
  static Map<String, SideResult> run(List<Side> sides, int cases, int blocks, Consumer<String> log) {
    Map<String, SideResult> results = new LinkedHashMap<>();
    for (Side side : sides) {
      side.workCase(new Calls(side.counter()));
      results.put(side.name(), new SideResult(side));
    }
    for (int block = 1; block <= blocks; block++) {
      for (Side side : sides) {
        SideResult result = results.get(side.name());
        SqlCounter.Snapshot before = side.counter().snapshot();
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
          side.workCase(result.completions);
        }
        long nanos = System.nanoTime() - start;
        result.sql = result.sql.plus(side.counter().snapshot().minus(before));
        result.nanos += nanos;
        result.cases += cases;
        double rate = cases / (nanos / 1e9);
        result.blockRates.add(rate);
        log.accept("block %d %-16s %6.2f cases/s".formatted(block, side.name(), rate));
      }
    }
    return results;
  }

  /** The comparison's table: each Xuke side against the bare engine. */
  static void report(Report report, SideResult bare, List<SideResult> xuke, long xukeTraceBytes) {
    report.section("Bare engine vs Xuke (" + bare.cases + " measured cases per side, " + bare.blockRates.size()
        + " alternating blocks)", "figure", "bare engine", "Xuke", "ratio Xuke/bare", "target", "result");
    for (SideResult side : xuke) {
      double rate = side.casesPerSecond() / bare.casesPerSecond();
      report.row(rate >= side.targetShare, "full cases/s, " + side.name, rates(bare), rates(side), Report.ratio(rate),
          "≥ " + side.targetShare + "×");
    }
    for (SideResult side : xuke) {
      compare(report, "task completion p50 ms, " + side.name, bare, side, result -> result.completions.latencies().p50());
      compare(report, "task completion p99 ms, " + side.name, bare, side, result -> result.completions.latencies().p99());
    }
    for (SideResult side : xuke) {
      double statements = side.statementsPerCase() / bare.statementsPerCase();
      double commits = side.commitsPerCase() / bare.commitsPerCase();
      report.row(statements <= 1.5, "SQL statements per case, " + side.name, Report.number(bare.statementsPerCase()),
          Report.number(side.statementsPerCase()), Report.ratio(statements), "≤ 1.5×");
      report.row(commits <= 2, "commits per case, " + side.name, Report.number(bare.commitsPerCase()),
          Report.number(side.commitsPerCase()), Report.ratio(commits), "≤ 2×");
      compare(report, "SQL statements per task completion, " + side.name, bare, side, SideResult::statementsPerCompletion);
      compare(report, "commits per task completion, " + side.name, bare, side, SideResult::commitsPerCompletion);
      compare(report, "task completions per case, " + side.name, bare, side, SideResult::completionsPerCase);
    }
    int xukeCases = xuke.stream().mapToInt(side -> side.cases + 1).sum();
    report.row(null, "H2 trace file after the Xuke cases (" + xukeCases + " incl. warm-up)", "—",
        xukeTraceBytes < 0 ? "n/a" : Report.number(xukeTraceBytes / 1024.0) + " KB", "—", "reported");
  }

  private static void compare(Report report, String figure, SideResult bare, SideResult side,
      ToDoubleFunction<SideResult> value) {
    double xuke = value.applyAsDouble(side);
    double base = value.applyAsDouble(bare);
    report.row(null, figure, Report.number(base), Report.number(xuke), Report.ratio(xuke / base), "reported");
  }

  /** E.g. "3.91 (3.80, 4.02)": over all blocks, then per block. */
  private static String rates(SideResult side) {
    return Report.number(side.casesPerSecond()) + " (" + side.blockRates.stream().map(Report::number)
        .collect(Collectors.joining(", ")) + ")";
  }
}
