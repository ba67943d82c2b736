package io.github.xuke.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** Durations of one kind of request or step, in milliseconds; percentiles by the nearest-rank method. */
final class Latencies {

  private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

  /** Runs the work, records how long it took, answers its result. */
  <T> T time(Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      add(System.nanoTime() - start);
    }
  }

  void time(Runnable work) {
    time(() -> {
      work.run();
      return null;
    });
  }

  void add(long nanos) {
    millis.add(nanos / 1e6);
  }

  void addAll(Latencies other) {
    millis.addAll(other.sorted());
  }

  int count() {
    return millis.size();
  }

  double p50() {
    return percentile(50);
  }

  double p99() {
    return percentile(99);
  }

  /** The nearest-rank percentile; NaN without samples. */
  double percentile(double percent) {
    List<Double> sorted = sorted();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  private List<Double> sorted() {
    synchronized (millis) {
      List<Double> copy = new ArrayList<>(millis);
      Collections.sort(copy);
      return copy;
    }
  }
}
