package io.github.xuke.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.system.XukeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Deadlines in the bureau's time zone, for Java code and for BPMN expressions: timers and task due
 * dates call {@code ${workingDays.deadline(acceptedAt, 3)}}. A limit ends at the end of its last day
 * (23:59:59 local time).
 */
@Component("workingDays")
public class WorkingDays {

  static final String HOLIDAY_FILE = "calendar/cn-holidays.json";

  private final WorkingDayCalendar calendar;
  private final ZoneId zone;

  @Autowired
  public WorkingDays(ObjectMapper mapper, XukeProperties properties) {
    this(bundledCalendar(mapper), properties.timeZone());
  }

  public WorkingDays(WorkingDayCalendar calendar, ZoneId zone) {
    this.calendar = calendar;
    this.zone = zone;
  }

  /** The calendar of the holiday file shipped with the app. */
  public static WorkingDayCalendar bundledCalendar(ObjectMapper mapper) {
    try (InputStream in = new ClassPathResource(HOLIDAY_FILE).getInputStream()) {
      return WorkingDayCalendar.read(in, mapper);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + HOLIDAY_FILE, e);
    }
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The end of the Nth working day after the day of {@code from}. */
  public Date deadline(Date from, int workingDays) {
    LocalDate start = from.toInstant().atZone(zone).toLocalDate();
    return endOf(calendar.addWorkingDays(start, workingDays));
  }

  /** The end of the Nth calendar day after the day of {@code from} (e.g. delivery within 10 days). */
  public Date calendarDays(Date from, int days) {
    LocalDate start = from.toInstant().atZone(zone).toLocalDate();
    return endOf(start.plusDays(days));
  }

  public ZonedDateTime endOfDay(LocalDate day) {
    return day.atTime(LocalTime.MAX).truncatedTo(ChronoUnit.SECONDS).atZone(zone);
  }

  private Date endOf(LocalDate day) {
    return Date.from(endOfDay(day).toInstant());
  }
}
