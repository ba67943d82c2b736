package io.github.xuke.clock;

import io.github.xuke.core.LimitUnit;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A clock as the board and the case page show it: where it stands, how many working days are left
 * (negative when overdue) and its light — green, amber (warned or within the warning), red (breached
 * or past due), grey (paused or done).
 */
public record ClockView(
    long clockId,
    ClockKind kind,
    String label,
    String basis,
    OffsetDateTime startedAt,
    int limitValue,
    LimitUnit limitUnit,
    int extensionValue,
    int pausedValue,
    OffsetDateTime dueAt,
    OffsetDateTime warnAt,
    boolean provisional,
    ClockState state,
    String stateLabel,
    Integer remaining,
    Light light,
    OffsetDateTime metAt,
    OffsetDateTime breachedAt,
    List<ClockEvent> history) {

  /** The traffic light of a clock. */
  public enum Light { GREEN, AMBER, RED, GREY }

  static String stateLabel(ClockState state) {
    return switch (state) {
      case RUNNING -> "计时中";
      case PAUSED -> "已暂停";
      case MET -> "已按时完成";
      case BREACHED -> "已超期";
      case CANCELLED -> "已终止";
    };
  }
}
