package io.github.xuke.benchmark;

/**
 * Calls of one kind (task completions: the engine's {@code complete}, {@code submitTaskForm} or
 * engine-rest's {@code submit-form}; or requests of the scale table): how long each took and the SQL
 * it caused. They are measured one at a time, so the counter's change around a call is that call's.
 */
final class Calls {

  private final SqlCounter counter;
  private final Latencies latencies = new Latencies();
  private SqlCounter.Snapshot sql = SqlCounter.Snapshot.ZERO;

  Calls(SqlCounter counter) {
    this.counter = counter;
  }

  /** Calls nobody reads the figures of (the loading). */
  static Calls unmeasured() {
    return new Calls(new SqlCounter());
  }

  void measure(Runnable call) {
    SqlCounter.Snapshot before = counter.snapshot();
    latencies.time(call);
    sql = sql.plus(counter.snapshot().minus(before));
  }

  int count() {
    return latencies.count();
  }

  Latencies latencies() {
    return latencies;
  }

  /** Statements and commits of all calls together. */
  SqlCounter.Snapshot sql() {
    return sql;
  }
}
