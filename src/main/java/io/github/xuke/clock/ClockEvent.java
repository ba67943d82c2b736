package io.github.xuke.clock;

import java.time.OffsetDateTime;

/** A move or a state change of a clock, with its reason and who caused it. */
public record ClockEvent(long id, long clockId, OffsetDateTime at, String event, String reason,
    String actor, OffsetDateTime dueBefore, OffsetDateTime dueAfter) {

  /** What happened to the clock. */
  public enum Type { STARTED, RESTARTED, WARNED, BREACHED, MET, PAUSED, RESUMED, EXTENDED, RECALCULATED, CANCELLED, DEEMED_ACCEPTED }
}
