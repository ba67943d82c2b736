package io.github.xuke.clock;

import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.core.LimitUnit;
import io.github.xuke.core.TextFields;
import io.github.xuke.system.XukeProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules of a clock, without the engine or the database: how it starts, is met, warns, breaches,
 * pauses, resumes, is extended and reopened, and what each move records. Every method takes the
 * clock as it is and answers the clock as it becomes with the event to record.
 */
@Component
class ClockRules {

  /** Longest reason a user gives for a move (the column also holds the move's own words). */
  static final int MAX_REASON = 500;
  /** The longest extension one approval grants. */
  static final int MAX_EXTENSION = 60;
  private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  /** A move of a clock: the clock after it and what the record says. */
  record Move(CaseClock after, ClockEvent.Type type, String reason) {}

  private final WorkingDays workingDays;
  private final ClockCalculator calculator;
  private final int warningWorkingDays;
  private final ZoneId zone;

  ClockRules(WorkingDays workingDays, XukeProperties properties) {
    this.workingDays = workingDays;
    this.calculator = new ClockCalculator(workingDays, properties.clockWarningWorkingDays());
    this.warningWorkingDays = properties.clockWarningWorkingDays();
    this.zone = workingDays.zone();
  }

  ClockCalculator.Schedule schedule(Instant startedAt, LimitUnit unit, int limit) {
    return calculator.schedule(startedAt, unit, limit);
  }

  String startText(ClockKind kind, int limit, LimitUnit unit, boolean provisional) {
    return "开始计时：" + kind.label() + " " + limit + " " + unitText(unit) + (provisional ? "（临时计算）" : "");
  }

  /** The clock with its due and warning computed again from its start, limit, pauses and extensions. */
  CaseClock rescheduled(CaseClock changed) {
    ClockCalculator.Schedule schedule = calculator.schedule(changed.startedAt().toInstant(),
        changed.limitUnit(), changed.totalValue());
    return changed.withSchedule(utc(schedule.dueAt()), utc(schedule.warnAt()), schedule.provisional());
  }

  /** Met: in time, or late (after the due passed, with or without a recorded breach). */
  Optional<Move> meet(CaseClock found, OffsetDateTime now) {
    if (found.state() == ClockState.RUNNING && now.isAfter(found.dueAt())) {
      // done after the due before the watch's timer fired (e.g. the job executor was behind)
      return Optional.of(new Move(found.breached(found.dueAt()).met(now), ClockEvent.Type.MET, "超期后完成"));
    }
    if (found.state().open()) {
      return Optional.of(new Move(found.met(now), ClockEvent.Type.MET, "按时完成"));
    }
    if (found.state() == ClockState.BREACHED && found.metAt() == null) {
      return Optional.of(new Move(found.met(now), ClockEvent.Type.MET, "超期后完成"));
    }
    return Optional.empty();
  }

  /** The warning moment passed: recorded once, while the clock is open. */
  Optional<Move> warn(CaseClock found, OffsetDateTime now) {
    if (!found.state().open() || found.warnedAt() != null) {
      return Optional.empty();
    }
    return Optional.of(new Move(found.withWarned(now), ClockEvent.Type.WARNED,
        "即将到期：还剩 " + warningWorkingDays + " 个工作日"));
  }

  /** The due passed: breached, unless the clock ended meanwhile. */
  Optional<Move> breach(CaseClock found, OffsetDateTime now) {
    return found.state().open()
        ? Optional.of(new Move(found.breached(now), ClockEvent.Type.BREACHED, "已超过期限"))
        : Optional.empty();
  }

  /**
   * For the correction-notice limit the law deems the application accepted on the day it was received
   * (《行政许可法》第三十二条) when the due passes.
   */
  Optional<String> deemedAcceptance(CaseClock breached) {
    if (breached.kind() != ClockKind.CORRECTION_NOTICE) {
      return Optional.empty();
    }
    return Optional.of("逾期未告知补正：依《行政许可法》第三十二条，自收到申请材料之日（"
        + breached.startedAt().atZoneSameInstant(zone).toLocalDate() + "）起即为受理");
  }

  Move pause(CaseClock found, OffsetDateTime now, String reason) {
    return new Move(found.withPause(ClockState.PAUSED, found.pausedValue(), now), ClockEvent.Type.PAUSED,
        "暂停计时：" + required(reason));
  }

  /** Resumed: the due moves by the units the pause lasted. */
  Move resume(CaseClock found, OffsetDateTime now, String reason) {
    int lasted = calculator.unitsBetween(found.limitUnit(), found.pausedSince().toInstant(), now.toInstant());
    return new Move(found.withPause(ClockState.RUNNING, found.pausedValue() + lasted, null),
        ClockEvent.Type.RESUMED, "恢复计时（暂停 " + lasted + " " + unitText(found.limitUnit()) + "）：" + required(reason));
  }

  Move extend(CaseClock found, int units, String reason) {
    if (units <= 0 || units > MAX_EXTENSION) {
      throw new IllegalArgumentException("延长期限应为 1 到 " + MAX_EXTENSION + "：" + units);
    }
    return new Move(found.withExtension(found.extensionValue() + units), ClockEvent.Type.EXTENDED,
        "延长 " + units + " " + unitText(found.limitUnit()) + "：" + required(reason));
  }

  /** A breached clock runs again with extra units; the breach stays in its history. */
  Move reopen(CaseClock found, int units, String reason) {
    if (found.state() != ClockState.BREACHED) {
      throw new IllegalStateException("clock " + found.id() + " is not breached");
    }
    return new Move(found.reopened(found.extensionValue() + units), ClockEvent.Type.EXTENDED,
        "逾期后延长 " + units + " " + unitText(found.limitUnit()) + "：" + reason.strip());
  }

  /** When the supervisor of a breached clock acts: one working day after its due. */
  Date supervisionDue(CaseClock breached) {
    return workingDays.deadline(Date.from(breached.dueAt().toInstant()), 1);
  }

  /** The due as the bureau reads it, marked when it rests on a year without holiday data. */
  String dueText(CaseClock timed) {
    return timed.dueAt().atZoneSameInstant(zone).format(DUE_TEXT)
        + (timed.provisional() ? "（临时计算：缺少节假日数据）" : "");
  }

  static String unitText(LimitUnit unit) {
    return unit == LimitUnit.DAYS ? "日" : "个工作日";
  }

  static String required(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("必须说明理由");
    }
    return TextFields.optional(reason, "reason", "理由", MAX_REASON);
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
