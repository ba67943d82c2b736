package io.github.xuke.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.system.XukeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Deadlines in the bureau's time zone, for Java code and for BPMN expressions: timers and task due
 * dates call {@code ${workingDays.deadline(acceptedAt, 3)}}. A limit ends at the end of its last day
 * (23:59:59 local time). The calendar is the bundled holiday file plus the years admins loaded; a
 * node re-reads the loaded years at most a minute after another node changed them.
 */
@Component("workingDays")
public class WorkingDays {

  static final String HOLIDAY_FILE = "calendar/cn-holidays.json";
  private static final long REFRESH_NANOS = Duration.ofSeconds(60).toNanos();

  private final Map<Integer, HolidayYear> bundled;
  private final CalendarYearRepository loaded;
  private final ZoneId zone;
  private volatile WorkingDayCalendar calendar;
  private volatile long readAt;

  @Autowired
  public WorkingDays(ObjectMapper mapper, XukeProperties properties, CalendarYearRepository loaded) {
    this.bundled = bundledYears(mapper);
    this.loaded = loaded;
    this.zone = properties.timeZone();
  }

  /** A fixed calendar, for code and tests that need no database. */
  public WorkingDays(WorkingDayCalendar calendar, ZoneId zone) {
    this.bundled = calendar.holidayYears();
    this.loaded = null;
    this.zone = zone;
    this.calendar = calendar;
  }

  /** The calendar of the holiday file shipped with the app. */
  public static WorkingDayCalendar bundledCalendar(ObjectMapper mapper) {
    return WorkingDayCalendar.of(bundledYears(mapper));
  }

  private static Map<Integer, HolidayYear> bundledYears(ObjectMapper mapper) {
    try (InputStream in = new ClassPathResource(HOLIDAY_FILE).getInputStream()) {
      return WorkingDayCalendar.readYears(in, mapper);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + HOLIDAY_FILE, e);
    }
  }

  /** The years shipped with the app. */
  public Map<Integer, HolidayYear> bundledYears() {
    return bundled;
  }

  public WorkingDayCalendar calendar() {
    if (loaded != null && (calendar == null || System.nanoTime() - readAt > REFRESH_NANOS)) {
      reload();
    }
    return calendar;
  }

  /** Reads the loaded years again, at once (after an admin loaded one). */
  public void reload() {
    if (loaded == null) {
      return;
    }
    Map<Integer, HolidayYear> years = new TreeMap<>(bundled);
    loaded.findAll().forEach((year, stored) -> years.put(year, stored.data()));
    calendar = WorkingDayCalendar.of(years);
    readAt = System.nanoTime();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The end of the Nth working day after the day of {@code from}; provisional past the loaded years. */
  public Date deadline(Date from, int workingDays) {
    return Date.from(dueOf(from, workingDays).endOfDay().toInstant());
  }

  /** The end of the Nth calendar day after the day of {@code from} (e.g. delivery within 10 days). */
  public Date calendarDays(Date from, int days) {
    LocalDate start = from.toInstant().atZone(zone).toLocalDate();
    return Date.from(endOfDay(start.plusDays(days)).toInstant());
  }

  /** A due moment and whether it rests on a year without data. */
  public record Due(ZonedDateTime endOfDay, WorkingDayCalendar.Due day) {
    public boolean provisional() {
      return day.provisional();
    }
  }

  public Due dueOf(Date from, int workingDays) {
    LocalDate start = from.toInstant().atZone(zone).toLocalDate();
    WorkingDayCalendar.Due day = calendar().due(start, workingDays);
    return new Due(endOfDay(day.date()), day);
  }

  public ZonedDateTime endOfDay(LocalDate day) {
    return day.atTime(LocalTime.MAX).truncatedTo(ChronoUnit.SECONDS).atZone(zone);
  }

  public LocalDate dayOf(Date moment) {
    return moment.toInstant().atZone(zone).toLocalDate();
  }
}
