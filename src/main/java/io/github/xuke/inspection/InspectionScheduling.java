package io.github.xuke.inspection;

import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.inspection.internal.AppointmentRules;
import io.github.xuke.inspection.internal.InspectionLetters;
import io.github.xuke.inspection.internal.InspectionPeople;
import io.github.xuke.inspection.internal.InspectionRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling an on-site inspection (安排现场核查): inside the 3-working-day target, on a weekend or
 * after hours only when the enterprise asked (recorded as such), at least two staff inspectors and
 * only experts of the case's panel, never two inspections at once for a person; everyone is told.
 * Every refusal names the problem in Chinese and changes nothing.
 */
@Service
@Transactional
public class InspectionScheduling {

  private final InspectionRepository inspections;
  private final AppointmentRules rules;
  private final InspectionPeople people;
  private final InspectionLetters letters;
  private final InspectionForms forms;
  private final Clock clock;

  public InspectionScheduling(InspectionRepository inspections, AppointmentRules rules, InspectionPeople people,
      InspectionLetters letters, InspectionForms forms, Clock clock) {
    this.inspections = inspections;
    this.rules = rules;
    this.people = people;
    this.letters = letters;
    this.forms = forms;
    this.clock = clock;
  }

  /** What the case officer asks for in 安排现场核查. */
  public record ScheduleRequest(String start, Integer hours, List<String> inspectors, List<String> experts,
      boolean afterHours, String afterHoursReason) {}

  /**
   * A scheduled inspection: its id, its day in the bureau's zone (e.g. 2026-06-04), and the two lists the
   * inspectors fill on site: everyone's confirmations and the checklist of the licence type.
   */
  public record Scheduled(long inspectionId, String date, SpinJsonNode participantRows, SpinJsonNode checkRows) {}

  public Scheduled schedule(long applicationId, String licenceType, ScheduleRequest request, String by) {
    AppointmentRules.Appointment appointment = rules.appointment(applicationId, request.start(), request.hours(),
        request.afterHours(), request.afterHoursReason());
    Set<String> inspectorIds = new LinkedHashSet<>(request.inspectors() == null ? List.of() : request.inspectors());
    if (inspectorIds.size() < 2) {
      throw invalid(InspectionFields.INSPECTORS, "现场核查至少需要两名执法人员");
    }
    for (String inspector : inspectorIds) {
      if (!people.isInspector(inspector)) {
        throw invalid(InspectionFields.INSPECTORS, "“" + inspector + "”不是执法人员（承办人）");
      }
    }
    Set<String> panel = people.panel(applicationId);
    Set<String> expertIds = new LinkedHashSet<>(request.experts() == null ? List.of() : request.experts());
    for (String expert : expertIds) {
      if (!panel.contains(expert)) {
        throw invalid(InspectionFields.EXPERTS, "“" + expert + "”不在本案评审组中");
      }
    }
    List<String> everyone = new ArrayList<>(inspectorIds);
    everyone.addAll(expertIds);
    rules.requireFree(everyone, appointment, applicationId);
    long id = inspections.insert(applicationId, appointment.from(), appointment.to(), !appointment.officeHours(),
        appointment.afterHoursReason(), by, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    for (String inspector : inspectorIds) {
      inspections.insertParticipant(id, inspector, people.name(inspector), Inspection.Role.INSPECTOR);
    }
    for (String expert : expertIds) {
      inspections.insertParticipant(id, expert, people.name(expert), Inspection.Role.EXPERT);
    }
    letters.appointmentMade(applicationId, id, everyone, appointment);
    Inspection inspection = inspections.find(id).orElseThrow();
    return new Scheduled(id, appointment.start().toLocalDate().toString(), forms.participantRows(inspection),
        forms.checkRows(licenceType));
  }

  private static InvalidApplicationException invalid(String field, String message) {
    return new InvalidApplicationException(field, message);
  }
}
