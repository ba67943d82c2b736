package io.github.xuke.benchmark;

/** One way of working a full licence case (14 user tasks), measured against the others. */
interface Side {

  String name();

  /** The counter around this side's data source. */
  SqlCounter counter();

  /** Works one case from its start to its end, each task completion through {@code completions}. */
  void workCase(Calls completions);
}
