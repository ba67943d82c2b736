package io.github.xuke.calendar;

import io.github.xuke.core.MissingCalendarYearException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bureau's working days: Monday to Friday outside the State Council's holidays, plus the
 * weekend days it declares working days (调休上班). A year whose notice is not loaded is never
 * taken as ordinary: strict questions about it fail, and deadlines that reach it are computed on
 * weekends only and marked provisional.
 */
public final class WorkingDayCalendar {

  /**
   * The years a date given to the calendar may fall in (the notices it can load, the deadlines it is
   * asked for): a date beyond them is a typing error, and date arithmetic on it would overflow.
   */
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;

  /** Whether the calendar takes questions about this date ({@link #FIRST_YEAR} to {@link #LAST_YEAR}). */
  public static boolean supports(LocalDate date) {
    return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
  }

  private final Map<Integer, HolidayYear> years;

  private WorkingDayCalendar(Map<Integer, HolidayYear> years) {
    this.years = Collections.unmodifiableMap(new TreeMap<>(years));
  }

  public static WorkingDayCalendar of(Map<Integer, HolidayYear> years) {
    return new WorkingDayCalendar(years);
  }

  /**
   * Reads the holiday file format of {@code calendar/cn-holidays.json}: {@code years.<yyyy>.holidays}
   * and {@code years.<yyyy>.workdays}, ISO dates.
   */
  public static WorkingDayCalendar read(InputStream json, ObjectMapper mapper) {
    return of(readYears(json, mapper));
  }

  static Map<Integer, HolidayYear> readYears(InputStream json, ObjectMapper mapper) {
    try {
      JsonNode root = mapper.readTree(json);
      Map<Integer, HolidayYear> years = new TreeMap<>();
      root.path("years").fields().forEachRemaining(entry -> {
        int year = Integer.parseInt(entry.getKey());
        HolidayYear data = HolidayYear.of(dates(entry.getValue().path("holidays")),
            dates(entry.getValue().path("workdays")));
        if (!data.problems(year).isEmpty()) {
          throw new IllegalArgumentException("holiday file, " + year + ": " + data.problems(year));
        }
        years.put(year, data);
      });
      if (years.isEmpty()) {
        throw new IllegalArgumentException("the holiday file holds no year");
      }
      return years;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the holiday file", e);
    }
  }

  private static Set<LocalDate> dates(JsonNode array) {
    Set<LocalDate> dates = new HashSet<>();
    array.forEach(node -> dates.add(LocalDate.parse(node.asText())));
    return dates;
  }

  /** The years whose holiday notice is loaded. */
  public SortedSet<Integer> years() {
    return new TreeSet<>(years.keySet());
  }

  public Map<Integer, HolidayYear> holidayYears() {
    return years;
  }

  public boolean hasYear(int year) {
    return years.containsKey(year);
  }

  /** Strict: a date in a year without data is an error naming the year. */
  public boolean isWorkingDay(LocalDate date) {
    if (!years.containsKey(date.getYear())) {
      throw new MissingCalendarYearException(date.getYear());
    }
    return isWorkingDayOrWeekday(date);
  }

  /** Like {@link #isWorkingDay}, but Monday to Friday in a year without data (provisional). */
  private boolean isWorkingDayOrWeekday(LocalDate date) {
    HolidayYear year = years.get(date.getYear());
    if (year != null && year.workdays().contains(date)) {
      return true;
    }
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
        && (year == null || !year.holidays().contains(date));
  }

  /**
   * Strict: the day on which a limit of {@code workingDays} ends: {@code from} is day 0 (whether or
   * not it is a working day itself), the limit ends with the Nth working day after it.
   */
  public LocalDate addWorkingDays(LocalDate from, int workingDays) {
    Due due = due(from, workingDays);
    if (due.provisional()) {
      throw new MissingCalendarYearException(due.provisionalYears().first());
    }
    return due.date();
  }

  /** A computed last day, provisional when it depends on a year without data. */
  public record Due(LocalDate date, SortedSet<Integer> provisionalYears) {
    public boolean provisional() {
      return !provisionalYears.isEmpty();
    }
  }

  /** The last day of a limit of {@code workingDays} from day 0 {@code from}, provisional if need be. */
  public Due due(LocalDate from, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
    }
    SortedSet<Integer> missing = new TreeSet<>();
    if (!years.containsKey(from.getYear())) {
      missing.add(from.getYear());
    }
    LocalDate day = from;
    int counted = 0;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (!years.containsKey(day.getYear())) {
        missing.add(day.getYear());
      }
      if (isWorkingDayOrWeekday(day)) {
        counted++;
      }
    }
    return new Due(day, missing);
  }

  /**
   * Working days left on {@code today} until a limit ending on {@code due}: 0 on the due day itself, the
   * working days after today up to the due day before it, and minus the working days since once it has
   * passed (provisional: Monday to Friday in a year without data).
   */
  public int workingDaysLeft(LocalDate today, LocalDate due) {
    return due.isBefore(today) ? -workingDaysBetween(due, today) : workingDaysBetween(today, due);
  }

  /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDayOrWeekday(day)) {
        count++;
      }
    }
    return count;
  }
}
