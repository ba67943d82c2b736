package io.github.xuke.inspection.internal;

import io.github.xuke.inspection.InspectionFields;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.clock.CaseClocks;
import io.github.xuke.clock.ClockKind;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.core.MissingCalendarYearException;
import io.github.xuke.inspection.Inspection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * When an inspection may take place: not in the past, inside the case's inspection target, in
 * office hours on a working day unless the enterprise asked otherwise, and never while one of its
 * people is at another case's inspection.
 */
@Component
public class AppointmentRules {

  static final LocalTime OFFICE_OPENS = LocalTime.of(8, 30);
  static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 30);
  /** How appointments read in messages. */
  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final InspectionRepository inspections;
  private final InspectionPeople people;
  private final CaseClocks clocks;
  private final WorkingDays workingDays;
  private final Clock clock;

  public AppointmentRules(InspectionRepository inspections, InspectionPeople people, CaseClocks clocks,
      WorkingDays workingDays, Clock clock) {
    this.inspections = inspections;
    this.people = people;
    this.clocks = clocks;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** An accepted appointment, in the bureau's zone; the reason only when outside office hours. */
  public record Appointment(ZonedDateTime start, ZonedDateTime end, boolean officeHours, String afterHoursReason) {

    public OffsetDateTime from() {
      return start.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    public OffsetDateTime to() {
      return end.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** E.g. 2026-06-04 09:00–12:00. */
    public String span() {
      return start.format(TIME) + "–" + end.toLocalTime();
    }
  }

  /** The appointment asked for ({@code hours} default 3), or the refusal naming the problem. */
  public Appointment appointment(long applicationId, String start, Integer hours, boolean afterHours,
      String afterHoursReason) {
    ZonedDateTime from = parseStart(start);
    int length = hours == null ? 3 : hours;
    if (length < 1 || length > 12) {
      throw invalid(InspectionFields.HOURS, "核查时长应为 1 到 12 小时");
    }
    ZonedDateTime to = from.plusHours(length);
    if (from.toInstant().isBefore(clock.instant().minus(Duration.ofMinutes(5)))) {
      throw invalid(InspectionFields.START, "核查时间不能早于现在");
    }
    Date due = clocks.find(applicationId, ClockKind.INSPECTION)
        .map(inspection -> Date.from(inspection.dueAt().toInstant())).orElse(null);
    if (due != null && from.toInstant().isAfter(due.toInstant())) {
      throw invalid(InspectionFields.START, "超出现场核查与技术评审时限（" + workingDays.dayOf(due)
          + " 前）；确需延后的，请先申请延长期限");
    }
    boolean workingDay = workingDay(from.toLocalDate());
    boolean officeHours = workingDay && !from.toLocalTime().isBefore(OFFICE_OPENS)
        && !to.toLocalTime().isAfter(OFFICE_CLOSES) && to.toLocalDate().equals(from.toLocalDate());
    String reason = afterHoursReason == null || afterHoursReason.isBlank() ? null : afterHoursReason.strip();
    if (!officeHours && (!afterHours || reason == null)) {
      throw invalid(InspectionFields.AFTER_HOURS, (workingDay ? "所选时间在工作时间（8:30–17:30）以外" : "所选日期为非工作日")
          + "：仅在企业申请延时服务或预约服务时可以安排，请勾选并写明企业的申请");
    }
    return new Appointment(from, to, officeHours, officeHours ? null : reason);
  }

  /** Refused when one of these people is at another case's scheduled inspection at the time. */
  public void requireFree(Collection<String> everyone, Appointment appointment, long applicationId) {
    for (String person : everyone) {
      List<Inspection> clash = inspections.overlapping(person, appointment.from(), appointment.to(), applicationId);
      if (!clash.isEmpty()) {
        Inspection other = clash.get(0);
        throw invalid(InspectionFields.INSPECTORS, people.name(person) + "在该时段已安排" + other.caseNumber() + "的现场核查（"
            + other.startsAt().atZoneSameInstant(workingDays.zone()).format(TIME) + "–"
            + other.endsAt().atZoneSameInstant(workingDays.zone()).toLocalTime() + "），请另选时间或人员");
      }
    }
  }

  /** A day of a year without a loaded holiday notice counts by weekday, as its deadlines do. */
  private boolean workingDay(LocalDate day) {
    try {
      return workingDays.calendar().isWorkingDay(day);
    } catch (MissingCalendarYearException e) {
      return day.getDayOfWeek().getValue() <= 5;
    }
  }

  private ZonedDateTime parseStart(String text) {
    if (text == null || text.isBlank()) {
      throw invalid(InspectionFields.START, "请选择核查开始时间");
    }
    try {
      String value = text.strip();
      return (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")
          ? OffsetDateTime.parse(value).atZoneSameInstant(workingDays.zone())
          : LocalDateTime.parse(value).atZone(workingDays.zone()));
    } catch (DateTimeParseException e) {
      throw invalid(InspectionFields.START, "核查开始时间格式不正确：" + text);
    }
  }

  private static InvalidApplicationException invalid(String field, String message) {
    return new InvalidApplicationException(field, message);
  }
}
