package io.github.xuke.benchmark;

/** One way of working a full licence case (14 user tasks), measured against the others. */
interface Side {

  String name();

  /** The counter around this side's data source. */
  SqlCounter counter();

  /** The share of the bare engine's full cases per second that issue 11 asks of this side. */
  default double targetShare() {
    return 1;
  }

  /** Works one case from its start to its end, each task completion through {@code completions}. */
  void workCase(Calls completions);
}
