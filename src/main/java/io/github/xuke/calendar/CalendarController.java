package io.github.xuke.calendar;

import io.github.xuke.system.AllowedGroups;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar: deadline arithmetic (public, the same answer the process timers get),
 * the loaded years, and loading a new year's notice (admins).
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  /** At most about four years of working days; anything longer is a typing error. */
  private static final int MAX_WORKING_DAYS = 1000;

  /** More due days than a page of Tasklist (15 tasks) ever shows, far fewer than a scan of the calendar. */
  static final int MAX_DUE_DAYS = 50;

  private final WorkingDays workingDays;
  private final CalendarService calendar;
  private final CurrentUser currentUser;
  private final Clock clock;

  public CalendarController(WorkingDays workingDays, CalendarService calendar, CurrentUser currentUser, Clock clock) {
    this.workingDays = workingDays;
    this.calendar = calendar;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /**
   * The answer: {@code due} is the last day of the limit, {@code dueAt} its last second;
   * {@code provisional} when the limit reaches a year without data (counted on weekends only).
   */
  public record Deadline(LocalDate from, int workingDays, LocalDate due, OffsetDateTime dueAt,
      boolean provisional, SortedSet<Integer> missingYears, String warning) {}

  @GetMapping("/deadline")
  public Deadline deadline(@RequestParam String from, @RequestParam int workingDays) {
    LocalDate start = date("from", from, "起算日期");
    if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_WORKING_DAYS", "workingDays",
          "工作日数应在 0 到 " + MAX_WORKING_DAYS + " 之间：" + workingDays);
    }
    WorkingDayCalendar.Due due = this.workingDays.calendar().due(start, workingDays);
    return new Deadline(start, workingDays, due.date(),
        this.workingDays.endOfDay(due.date()).toOffsetDateTime(), due.provisional(),
        due.provisionalYears(), due.provisional()
            ? "缺少 " + due.provisionalYears() + " 年的节假日安排，此期限按“仅周末休息”临时计算"
            : null);
  }

  /**
   * The working days left today (in the bureau's zone) until each due day: 0 on the day itself, negative
   * once it has passed; {@code provisional} names the due days counted through a year without data.
   */
  public record WorkingDaysLeft(LocalDate today, Map<LocalDate, Integer> left, SortedSet<LocalDate> provisional) {}

  /** Tasklist asks once for the due days of the page it shows (one request a page, not one a task). */
  @GetMapping("/working-days-left")
  public WorkingDaysLeft workingDaysLeft(@RequestParam(name = "due", required = false) List<String> due) {
    if (due == null || due.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_DATE", "due", "请提供至少一个到期日期（due=YYYY-MM-DD）");
    }
    if (due.size() > MAX_DUE_DAYS) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "TOO_MANY_DATES", "due",
          "一次最多查询 " + MAX_DUE_DAYS + " 个到期日期：" + due.size());
    }
    LocalDate today = LocalDate.now(clock.withZone(workingDays.zone()));
    WorkingDayCalendar days = workingDays.calendar();
    Map<LocalDate, Integer> left = new TreeMap<>();
    SortedSet<LocalDate> provisional = new TreeSet<>();
    for (String text : due) {
      LocalDate day = date("due", text, "到期日期");
      left.put(day, days.workingDaysLeft(today, day));
      LocalDate first = day.isBefore(today) ? day : today;
      LocalDate last = day.isBefore(today) ? today : day;
      for (int year = first.getYear(); year <= last.getYear(); year++) {
        if (!days.hasYear(year)) {
          provisional.add(day);
        }
      }
    }
    return new WorkingDaysLeft(today, left, provisional);
  }

  /** The years the calendar knows, and the warning when next year is still missing. */
  public record Years(List<CalendarService.YearView> years, String warning) {}

  @GetMapping("/years")
  public Years years() {
    return new Years(calendar.years(), calendar.missingNextYearWarning().orElse(null));
  }

  /** The body of a year's notice: ISO dates, and the notice it comes from. */
  public record YearNotice(List<String> holidays, List<String> workdays, String source) {}

  @PutMapping("/years/{year}")
  @AllowedGroups(value = StaffGroup.ADMIN, refusal = "只有管理员可以导入节假日安排。")
  public Years load(@PathVariable int year, @RequestBody YearNotice notice) {
    if (notice.holidays() == null || notice.workdays() == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CALENDAR", notice.holidays() == null
          ? "holidays" : "workdays", "请同时提供 holidays（放假日期）和 workdays（调休上班日期，可为空列表）");
    }
    calendar.load(year, HolidayYear.of(dates("holidays", notice.holidays()), dates("workdays", notice.workdays())),
        notice.source(), currentUser.id());
    return years();
  }

  private static Set<LocalDate> dates(String field, List<String> texts) {
    Set<LocalDate> dates = new HashSet<>();
    for (String text : texts) {
      dates.add(date(field, text, "日期"));
    }
    return dates;
  }

  private static LocalDate date(String field, String text, String label) {
    LocalDate date;
    try {
      date = LocalDate.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_DATE", field,
          label + "格式应为 YYYY-MM-DD：" + TextFields.preview(text));
    }
    if (!WorkingDayCalendar.supports(date)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_DATE", field, label + "应在 "
          + WorkingDayCalendar.FIRST_YEAR + " 年至 " + WorkingDayCalendar.LAST_YEAR + " 年之间：" + date);
    }
    return date;
  }
}
