package io.github.xuke.clock;

import io.github.xuke.calendar.WorkingDays;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clocks as Prometheus metrics: open clocks by kind and state, warnings, breaches, the on-time
 * rate, and the working days from acceptance to decision per licence type. Read from the database
 * at most every 15 seconds, so every node reports the same numbers.
 */
@Component
public class ClockMetrics implements MeterBinder {

  private static final long TTL_NANOS = Duration.ofSeconds(15).toNanos();
  /** Decisions the average working days are taken over: the most recent ones. */
  private static final int RECENT_DECISIONS = 500;

  private final JdbcClient jdbc;
  private final WorkingDays workingDays;
  private final Set<String> typesRegistered = ConcurrentHashMap.newKeySet();
  private volatile MeterRegistry registry;
  private volatile Snapshot snapshot;
  private volatile long takenAt;

  public ClockMetrics(JdbcClient jdbc, WorkingDays workingDays) {
    this.jdbc = jdbc;
    this.workingDays = workingDays;
  }

  private record Snapshot(Map<String, Long> byKindAndState, Map<ClockKind, Long> warned,
      Map<String, Double> workingDaysUsed) {}

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ClockKind kind : ClockKind.values()) {
      for (ClockState state : ClockState.values()) {
        Gauge.builder("xuke.clocks", () -> snapshot().byKindAndState().getOrDefault(kind + "/" + state, 0L))
            .description("Clocks by kind and state").tag("kind", kind.name()).tag("state", state.name())
            .register(registry);
      }
      Gauge.builder("xuke.clocks.warned.open", () -> snapshot().warned().getOrDefault(kind, 0L))
          .description("Open clocks past their warning").tag("kind", kind.name()).register(registry);
      Gauge.builder("xuke.clocks.on.time.ratio", () -> onTimeRatio(kind))
          .description("Met in time / (met in time + breached)").tag("kind", kind.name()).register(registry);
    }
    this.registry = registry;
  }

  /** One gauge per licence type, registered when the type's first decision appears. */
  private void registerTypes(Map<String, Double> averages) {
    MeterRegistry target = registry;
    if (target == null) {
      return;
    }
    for (String type : averages.keySet()) {
      if (typesRegistered.add(type)) {
        Gauge.builder("xuke.decision.working.days", () -> snapshot().workingDaysUsed().getOrDefault(type, Double.NaN))
            .description("Average working days from acceptance to decision, recent decisions")
            .tag("licence_type", type).register(target);
      }
    }
  }

  private double onTimeRatio(ClockKind kind) {
    long met = snapshot().byKindAndState().getOrDefault(kind + "/" + ClockState.MET, 0L);
    long breached = snapshot().byKindAndState().getOrDefault(kind + "/" + ClockState.BREACHED, 0L);
    return met + breached == 0 ? Double.NaN : (double) met / (met + breached);
  }

  private Snapshot snapshot() {
    if (snapshot == null || System.nanoTime() - takenAt > TTL_NANOS) {
      snapshot = take();
      takenAt = System.nanoTime();
      registerTypes(snapshot.workingDaysUsed());
    }
    return snapshot;
  }

  private Snapshot take() {
    Map<String, Long> byKindAndState = new HashMap<>();
    jdbc.sql("select kind, state, count(*) as n from case_clock group by kind, state")
        .query(rs -> {
          byKindAndState.put(rs.getString("kind") + "/" + rs.getString("state"), rs.getLong("n"));
        });
    Map<ClockKind, Long> warned = new HashMap<>();
    jdbc.sql("select kind, count(*) as n from case_clock where warned_at is not null and state in ('RUNNING', 'PAUSED') group by kind")
        .query(rs -> {
          warned.put(ClockKind.valueOf(rs.getString("kind")), rs.getLong("n"));
        });
    Map<String, double[]> sums = new HashMap<>();
    jdbc.sql("""
            select licence_type, accepted_at, decided_at from licence_application
            where accepted_at is not null and decided_at is not null
            order by decided_at desc
            fetch first %d rows only""".formatted(RECENT_DECISIONS))
        .query(rs -> {
          LocalDate accepted = rs.getObject("accepted_at", OffsetDateTime.class)
              .atZoneSameInstant(workingDays.zone()).toLocalDate();
          LocalDate decided = rs.getObject("decided_at", OffsetDateTime.class)
              .atZoneSameInstant(workingDays.zone()).toLocalDate();
          double[] sum = sums.computeIfAbsent(rs.getString("licence_type"), type -> new double[2]);
          sum[0] += workingDays.calendar().workingDaysBetween(accepted, decided);
          sum[1]++;
        });
    Map<String, Double> averages = new HashMap<>();
    sums.forEach((type, sum) -> averages.put(type, sum[0] / sum[1]));
    return new Snapshot(byKindAndState, warned, averages);
  }
}
