package io.github.xuke.calendar;

import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.core.TextFields;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the working-day calendar current: admins load each year's State Council notice; loading it
 * re-reads the calendar and tells the clocks, which move every deadline that reaches that year.
 */
@Service
public class CalendarService {

  static final String BUNDLED = "内置数据（国务院办公厅通知，已核对）";
  /** {@code calendar_year.source}. */
  static final int MAX_SOURCE = 500;

  private final WorkingDays workingDays;
  private final CalendarYearRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public CalendarService(WorkingDays workingDays, CalendarYearRepository repository,
      ApplicationEventPublisher events, Clock clock) {
    this.workingDays = workingDays;
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  /** A year the calendar knows, and where its data came from. */
  public record YearView(int year, int holidays, int makeUpWorkdays, String source,
      OffsetDateTime loadedAt, String loadedBy) {}

  public List<YearView> years() {
    Map<Integer, CalendarYearRepository.StoredYear> stored = repository.findAll();
    List<YearView> views = new ArrayList<>();
    workingDays.calendar().holidayYears().forEach((year, data) -> {
      CalendarYearRepository.StoredYear loaded = stored.get(year);
      views.add(loaded == null
          ? new YearView(year, data.holidays().size(), data.workdays().size(), BUNDLED, null, null)
          : new YearView(year, data.holidays().size(), data.workdays().size(), loaded.source(),
              loaded.loadedAt(), loaded.loadedBy()));
    });
    return views;
  }

  /** From 1 November on: the warning that next year's notice is missing, in Chinese. */
  public Optional<String> missingNextYearWarning() {
    LocalDate today = LocalDate.now(clock.withZone(workingDays.zone()));
    int next = today.getYear() + 1;
    if (today.getMonthValue() >= 11 && !workingDays.calendar().hasYear(next)) {
      return Optional.of("尚未导入 " + next + " 年的节假日安排：跨入 " + next
          + " 年的期限目前按“仅周末休息”临时计算（标记为临时），请在国务院通知发布后及时导入。");
    }
    return Optional.empty();
  }

  /**
   * Loads (or replaces) the notice of a year. Bad data changes nothing; good data is used at once
   * and every running clock that reaches the year is recalculated in the same transaction.
   */
  @Transactional
  public void load(int year, HolidayYear data, String source, String actor) {
    if (year < WorkingDayCalendar.FIRST_YEAR || year > WorkingDayCalendar.LAST_YEAR) {
      throw new InvalidApplicationException("year", "年份应在 " + WorkingDayCalendar.FIRST_YEAR + " 至 "
          + WorkingDayCalendar.LAST_YEAR + " 之间：" + year);
    }
    List<String> problems = data.problems(year);
    if (!problems.isEmpty()) {
      throw new InvalidApplicationException("holidays", "节假日数据有误：" + String.join("；", problems));
    }
    String checkedSource = TextFields.required(source, "source", "数据来源（国务院办公厅通知的文号或网址）", MAX_SOURCE);
    repository.save(year, data, checkedSource, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), actor);
    workingDays.reload();
    events.publishEvent(new CalendarYearLoaded(year, actor));
  }
}
