package io.github.xuke.calendar;

import io.github.xuke.core.MissingCalendarYearException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The State Council's calendar: holidays, make-up days, day 0, and years without data. */
class WorkingDayCalendarTest {

  static final ObjectMapper MAPPER = new ObjectMapper();
  final WorkingDayCalendar calendar = WorkingDays.bundledCalendar(MAPPER);

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      // an ordinary week: Monday + 5 = next Monday
      "2026-03-02, 5, 2026-03-09",
      // zero days: the acceptance day itself
      "2026-03-02, 0, 2026-03-02",
      // accepted on a Saturday: day 0 is Saturday, day 1 Monday
      "2026-11-28, 1, 2026-11-30",
      // National Day 2026: 1–7 October off, Saturday 10 October worked
      "2026-09-30, 1, 2026-10-08",
      "2026-09-30, 3, 2026-10-10",
      "2026-09-30, 5, 2026-10-13",
      // Spring Festival 2026: Saturday 14 February worked, 15–23 February off, Saturday 28 February worked
      "2026-02-13, 1, 2026-02-14",
      "2026-02-13, 2, 2026-02-24",
      "2026-02-26, 2, 2026-02-28",
      // 2025: National Day and Mid-Autumn merged, 1–8 October; Saturday 11 October worked
      "2025-09-30, 1, 2025-10-09",
      "2025-09-30, 3, 2025-10-11",
      // 2024: New Year's Day, and 除夕 (9 February) a working day
      "2024-12-31, 1, 2025-01-02",
      "2024-02-08, 1, 2024-02-09",
      "2024-02-08, 2, 2024-02-18",
      // Labour Day 2024: 1–5 May off, Saturday 11 May worked
      "2024-04-30, 1, 2024-05-06",
      "2024-05-10, 1, 2024-05-11"
  })
  void addsWorkingDays(LocalDate from, int workingDays, LocalDate due) {
    assertThat(calendar.addWorkingDays(from, workingDays)).isEqualTo(due);
  }

  @Test
  void everyListedHolidayIsOffAndEveryMakeUpDayIsWorked() throws IOException {
    JsonNode years = MAPPER.readTree(new ClassPathResource(WorkingDays.HOLIDAY_FILE).getInputStream()).path("years");
    int checked = 0;
    for (JsonNode year : years) {
      for (JsonNode day : year.path("holidays")) {
        assertThat(calendar.isWorkingDay(LocalDate.parse(day.asText()))).as(day.asText()).isFalse();
        checked++;
      }
      for (JsonNode day : year.path("workdays")) {
        LocalDate date = LocalDate.parse(day.asText());
        assertThat(date.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(date)).as(day.asText()).isTrue();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(28 + 8 + 28 + 5 + 33 + 6);
  }

  @Test
  void countsTheWorkingDaysOf2025() {
    // 261 weekdays (1 January is a Wednesday), 18 of them holidays, 5 make-up weekend days
    assertThat(workingDaysIn(2025)).isEqualTo(261 - 18 + 5);
  }

  @Test
  void aYearWithoutDataIsAnErrorNamingTheYear() {
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 3))
        .isInstanceOf(MissingCalendarYearException.class)
        .hasMessageContaining("2027")
        .extracting(e -> ((MissingCalendarYearException) e).getYear()).isEqualTo(2027);
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2023, 6, 1), 0))
        .isInstanceOf(MissingCalendarYearException.class).hasMessageContaining("2023");
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 1, 4)))
        .isInstanceOf(MissingCalendarYearException.class);
    assertThat(calendar.years()).containsExactly(2024, 2025, 2026);
  }

  @Test
  void aDeadlineIntoAYearWithoutDataIsProvisionalCountingWeekendsOnly() {
    WorkingDayCalendar.Due due = calendar.due(LocalDate.of(2026, 12, 30), 3);
    // 31 December (Thursday) is 1; 1 January 2027 is a Friday, counted as a working day for now
    assertThat(due.date()).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(due.provisional()).isTrue();
    assertThat(due.provisionalYears()).containsExactly(2027);
    assertThat(calendar.due(LocalDate.of(2026, 9, 30), 3).provisional()).isFalse();
  }

  @Test
  void refusesBadNoticesNamingTheProblem() {
    assertThat(HolidayYear.of(java.util.Set.of(LocalDate.of(2026, 1, 1)), java.util.Set.of(LocalDate.of(2027, 1, 2)))
        .problems(2027)).anyMatch(problem -> problem.contains("2026-01-01") && problem.contains("不在 2027 年内"));
    assertThat(HolidayYear.of(java.util.Set.of(LocalDate.of(2027, 1, 1)), java.util.Set.of(LocalDate.of(2027, 1, 4)))
        .problems(2027)).anyMatch(problem -> problem.contains("2027-01-04") && problem.contains("是工作日"));
    assertThat(HolidayYear.of(java.util.Set.of(LocalDate.of(2027, 1, 2)), java.util.Set.of(LocalDate.of(2027, 1, 2)))
        .problems(2027)).anyMatch(problem -> problem.contains("同时列为"));
  }

  @Test
  void deadlinesEndAtTheLastSecondOfTheDayInShanghai() {
    WorkingDays workingDays = new WorkingDays(calendar, ZoneId.of("Asia/Shanghai"));
    // 23:30 UTC on 29 September is already 30 September in Shanghai: that is day 0
    Date accepted = Date.from(java.time.Instant.parse("2026-09-29T23:30:00Z"));
    assertThat(workingDays.deadline(accepted, 3).toInstant())
        .isEqualTo(java.time.Instant.parse("2026-10-10T15:59:59Z"));
    assertThat(workingDays.calendarDays(accepted, 10).toInstant())
        .isEqualTo(java.time.Instant.parse("2026-10-10T15:59:59Z"));
  }

  private int workingDaysIn(int year) {
    int count = 0;
    for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }
}
