package io.github.xuke.calendar;

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
 * weekend days it declares working days (调休上班). Only years with loaded data can be asked about.
 */
public final class WorkingDayCalendar {

  private final Map<Integer, Year> years;

  private WorkingDayCalendar(Map<Integer, Year> years) {
    this.years = Collections.unmodifiableMap(years);
  }

  /**
   * Reads the holiday file format of {@code calendar/cn-holidays.json}: {@code years.<yyyy>.holidays}
   * and {@code years.<yyyy>.workdays}, ISO dates.
   */
  public static WorkingDayCalendar read(InputStream json, ObjectMapper mapper) {
    try {
      JsonNode root = mapper.readTree(json);
      Map<Integer, Year> years = new TreeMap<>();
      root.path("years").fields().forEachRemaining(entry -> {
        int year = Integer.parseInt(entry.getKey());
        Set<LocalDate> holidays = dates(entry.getValue().path("holidays"), year);
        Set<LocalDate> workdays = dates(entry.getValue().path("workdays"), year);
        years.put(year, new Year(holidays, workdays));
      });
      if (years.isEmpty()) {
        throw new IllegalArgumentException("the holiday file holds no year");
      }
      return new WorkingDayCalendar(years);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the holiday file", e);
    }
  }

  private static Set<LocalDate> dates(JsonNode array, int year) {
    Set<LocalDate> dates = new HashSet<>();
    for (JsonNode node : array) {
      LocalDate date = LocalDate.parse(node.asText());
      if (date.getYear() != year) {
        throw new IllegalArgumentException(date + " is listed under the year " + year);
      }
      dates.add(date);
    }
    return dates;
  }

  /** The years whose holiday schedule is loaded. */
  public SortedSet<Integer> years() {
    return new TreeSet<>(years.keySet());
  }

  public boolean isWorkingDay(LocalDate date) {
    Year year = years.get(date.getYear());
    if (year == null) {
      throw new MissingCalendarYearException(date.getYear());
    }
    if (year.workdays.contains(date)) {
      return true;
    }
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !year.holidays.contains(date);
  }

  /**
   * The day on which a limit of {@code workingDays} ends: {@code from} is day 0 (whether or not it
   * is a working day itself), the limit ends with the Nth working day after it.
   */
  public LocalDate addWorkingDays(LocalDate from, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
    }
    if (!years.containsKey(from.getYear())) {
      throw new MissingCalendarYearException(from.getYear());
    }
    LocalDate day = from;
    int counted = 0;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  private record Year(Set<LocalDate> holidays, Set<LocalDate> workdays) {}
}
