package io.github.xuke.clock;

import io.github.xuke.core.LimitUnit;
import io.github.xuke.calendar.WorkingDayCalendar;
import io.github.xuke.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Clock arithmetic: the due and the warning moment of a limit, and how many units a pause lasted.
 * The start day is day 0; a limit ends at the end of its last day; the warning comes
 * {@code warningWorkingDays} working days before the due (calendar days for calendar limits).
 */
public class ClockCalculator {

  private final WorkingDays workingDays;
  private final int warningWorkingDays;

  public ClockCalculator(WorkingDays workingDays, int warningWorkingDays) {
    this.workingDays = workingDays;
    this.warningWorkingDays = warningWorkingDays;
  }

  /** When a limit ends, when to warn, and whether it rests on a year without calendar data. */
  public record Schedule(Instant dueAt, Instant warnAt, boolean provisional) {}

  public Schedule schedule(Instant startedAt, LimitUnit unit, int totalValue) {
    LocalDate start = workingDays.dayOf(Date.from(startedAt));
    LocalDate dueDay;
    LocalDate warnDay;
    boolean provisional;
    if (unit == LimitUnit.DAYS) {
      dueDay = start.plusDays(totalValue);
      warnDay = dueDay.minusDays(warningWorkingDays);
      provisional = false;
    } else {
      WorkingDayCalendar calendar = workingDays.calendar();
      WorkingDayCalendar.Due due = calendar.due(start, totalValue);
      dueDay = due.date();
      warnDay = calendar.due(start, Math.max(0, totalValue - warningWorkingDays)).date();
      provisional = due.provisional();
    }
    Instant dueAt = workingDays.endOfDay(dueDay).toInstant();
    Instant warnAt = warnDay.isBefore(dueDay) ? workingDays.endOfDay(warnDay).toInstant() : startedAt;
    return new Schedule(dueAt, warnAt.isBefore(startedAt) ? startedAt : warnAt, provisional);
  }

  /** The units of a limit between two moments: working days after the first day up to the second. */
  public int unitsBetween(LimitUnit unit, Instant from, Instant to) {
    LocalDate first = workingDays.dayOf(Date.from(from));
    LocalDate last = workingDays.dayOf(Date.from(to));
    if (!last.isAfter(first)) {
      return 0;
    }
    return unit == LimitUnit.DAYS
        ? (int) ChronoUnit.DAYS.between(first, last)
        : workingDays.calendar().workingDaysBetween(first, last);
  }
}
