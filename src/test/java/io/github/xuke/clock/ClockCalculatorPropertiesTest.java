package io.github.xuke.clock;

import io.github.xuke.core.LimitUnit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.calendar.WorkingDayCalendar;
import io.github.xuke.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Clock arithmetic, as properties over the verified 2024–2026 calendar. */
class ClockCalculatorPropertiesTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final WorkingDayCalendar CALENDAR = WorkingDays.bundledCalendar(new ObjectMapper());
  static final WorkingDays WORKING_DAYS = new WorkingDays(CALENDAR, SHANGHAI);
  static final ClockCalculator CALCULATOR = new ClockCalculator(WORKING_DAYS, 1);

  @Provide
  Arbitrary<Instant> moments() {
    // any second of 2024-01-01 … 2026-09-30, so that limits of up to 40 working days stay in the data
    long from = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, SHANGHAI).toEpochSecond();
    long to = ZonedDateTime.of(2026, 9, 30, 23, 59, 59, 0, SHANGHAI).toEpochSecond();
    return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
  }

  @Property
  void aDueIsAlwaysTheEndOfAWorkingDay(@ForAll("moments") Instant start, @ForAll @IntRange(min = 1, max = 40) int days) {
    ClockCalculator.Schedule schedule = CALCULATOR.schedule(start, LimitUnit.WORKING_DAYS, days);
    ZonedDateTime due = schedule.dueAt().atZone(SHANGHAI);
    assertThat(CALENDAR.isWorkingDay(due.toLocalDate())).as(due.toString()).isTrue();
    assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
    assertThat(schedule.provisional()).isFalse();
    assertThat(schedule.warnAt()).isBeforeOrEqualTo(schedule.dueAt()).isAfterOrEqualTo(start);
  }

  @Property
  void pausingNeverShortensADeadline(@ForAll("moments") Instant start, @ForAll @IntRange(min = 0, max = 30) int days,
      @ForAll("moments") Instant pausedAt, @ForAll @IntRange(min = 0, max = 60) int pausedCalendarDays) {
    Instant resumedAt = pausedAt.plusSeconds(pausedCalendarDays * 86_400L);
    int lasted = CALCULATOR.unitsBetween(LimitUnit.WORKING_DAYS, pausedAt, resumedAt);
    assertThat(lasted).isNotNegative();
    assertThat(CALCULATOR.schedule(start, LimitUnit.WORKING_DAYS, days + lasted).dueAt())
        .isAfterOrEqualTo(CALCULATOR.schedule(start, LimitUnit.WORKING_DAYS, days).dueAt());
  }

  @Property
  void aPauseAndResumeWithNoTimePassedChangesNothing(@ForAll("moments") Instant at) {
    assertThat(CALCULATOR.unitsBetween(LimitUnit.WORKING_DAYS, at, at)).isZero();
    assertThat(CALCULATOR.unitsBetween(LimitUnit.DAYS, at, at)).isZero();
  }

  @Property
  void anExtensionOfNWorkingDaysMovesTheDueByExactlyN(@ForAll("moments") Instant start,
      @ForAll @IntRange(min = 1, max = 30) int days, @ForAll @IntRange(min = 1, max = 10) int extension) {
    LocalDate due = CALCULATOR.schedule(start, LimitUnit.WORKING_DAYS, days).dueAt().atZone(SHANGHAI).toLocalDate();
    LocalDate extended = CALCULATOR.schedule(start, LimitUnit.WORKING_DAYS, days + extension).dueAt()
        .atZone(SHANGHAI).toLocalDate();
    assertThat(CALENDAR.workingDaysBetween(due, extended)).isEqualTo(extension);
  }

  @Property
  void calendarDayLimitsEndExactlyThatManyDaysLater(@ForAll("moments") Instant start,
      @ForAll @IntRange(min = 0, max = 30) int days) {
    LocalDate startDay = start.atZone(SHANGHAI).toLocalDate();
    assertThat(CALCULATOR.schedule(start, LimitUnit.DAYS, days).dueAt().atZone(SHANGHAI).toLocalDate())
        .isEqualTo(startDay.plusDays(days));
  }
}
