package io.github.xuke.inspection;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.core.JsonRows;
import io.github.xuke.application.process.LicenceApplicationProcess.Values;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.inspection.internal.InspectionPeople;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inspection steps of process {@code LicenceApplication}: the options of 安排现场核查, and the
 * service tasks that record the schedule, the inspection and the re-check of a rectification. Thin:
 * the rules are in {@link InspectionService}.
 */
@Configuration(proxyBeanMethods = false)
public class InspectionProcessSteps {

  /** One row of the 现场确认 list. */
  public record ParticipantRow(String userId, String name, String role, Boolean pledgeRead, Boolean cardHanded,
      Boolean noFee, String meal, String mealNote, Boolean noRide) {}

  /** One row of the 检查表. */
  public record CheckRow(String itemCode, String item, String result, String note) {}

  private static long applicationId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return APPLICATION_ID.get(scope);
  }

  /** On creating 安排现场核查: the staff inspectors and the case's experts to choose from. */
  @Bean
  TaskListener inspectionFormsListener(InspectionPeople people, CurrentUser currentUser,
      @Value("${xuke.complaint-phone:12350}") String complaintPhone) {
    return task -> {
      SpinJsonNode inspectors = Spin.JSON("[]");
      currentUser.withoutAuthorization(people::inspectors)
          .forEach(userId -> inspectors.append(Spin.JSON("{}").prop("label", people.name(userId)).prop("value", userId)));
      SpinJsonNode experts = Spin.JSON("[]");
      currentUser.withoutAuthorization(() -> people.panel(applicationId(task)))
          .forEach(userId -> experts.append(Spin.JSON("{}").prop("label", people.name(userId)).prop("value", userId)));
      INSPECTOR_OPTIONS.set(task.getExecution(), inspectors);
      EXPERT_OPTIONS.set(task.getExecution(), experts);
      COMPLAINT_PHONE.set(task.getExecution(), complaintPhone);
    };
  }

  /** {@code Task_RecordInspectionSchedule} (登记核查安排): the appointment, its participants and checklist. */
  @Bean
  JavaDelegate recordInspectionScheduleDelegate(InspectionService inspections, LicenceRequirements requirements,
      io.github.xuke.calendar.WorkingDays workingDays, CurrentUser currentUser) {
    return execution -> {
      long id = applicationId(execution);
      Inspection inspection = inspections.schedule(id, new InspectionService.ScheduleRequest(
          INSPECTION_START.get(execution), INSPECTION_HOURS.get(execution), INSPECTORS.get(execution),
          INSPECTION_EXPERTS.get(execution), Boolean.TRUE.equals(AFTER_HOURS.get(execution)),
          AFTER_HOURS_REASON.get(execution)), currentUser.id());
      INSPECTION_ID.set(execution, inspection.id());
      INSPECTION_DATE.set(execution, inspection.startsAt().atZoneSameInstant(workingDays.zone()).toLocalDate().toString());
      INSPECTION_PARTICIPANTS.set(execution, JsonRows.toJson(inspection.participants().stream().map(p -> new ParticipantRow(
          p.userId(), p.name(), p.role().displayName(), false, false, false, null, null, false)).toList()));
      String type = io.github.xuke.application.process.LicenceApplicationProcess.Variables.LICENCE_TYPE.get(execution);
      INSPECTION_CHECKS.set(execution, JsonRows.toJson(currentUser.withoutAuthorization(() -> requirements.inspectionChecklist(type))
          .stream().map(item -> new CheckRow(item.code(), item.item(), null, null)).toList()));
    };
  }

  /** {@code Task_RecordInspection} (登记核查记录): confirmations, checklist, conclusion; refused when incomplete. */
  @Bean
  JavaDelegate recordInspectionDelegate(InspectionService inspections, CurrentUser currentUser) {
    return execution -> {
      List<Inspection.Participant> participants = JsonRows.fromJson(INSPECTION_PARTICIPANTS.get(execution), ParticipantRow[].class,
          INSPECTION_PARTICIPANTS.name()).stream().map(row -> new Inspection.Participant(row.userId(), row.name(),
              null, row.pledgeRead(), row.cardHanded(), row.noFee(), row.meal(), row.mealNote(), row.noRide(), null))
          .toList();
      List<Inspection.Check> checks = JsonRows.fromJson(INSPECTION_CHECKS.get(execution), CheckRow[].class, INSPECTION_CHECKS.name())
          .stream().map(row -> new Inspection.Check(row.itemCode(), row.item(), row.result(), row.note())).toList();
      inspections.record(applicationId(execution), new InspectionService.RecordRequest(participants, checks,
          INSPECTION_RESULT.get(execution), INSPECTION_FINDINGS.get(execution)), currentUser.id());
    };
  }

  /** {@code Task_RecordRectificationRecheck} (登记整改复查结果): the case goes on with the final result. */
  @Bean
  JavaDelegate recordRectificationRecheckDelegate(InspectionService inspections, CurrentUser currentUser) {
    return execution -> {
      boolean passed = Values.RECTIFIED.equals(RECTIFICATION_RESULT.get(execution));
      inspections.recheck(applicationId(execution), passed, RECTIFICATION_NOTE.get(execution), currentUser.id());
      INSPECTION_RESULT.set(execution, passed ? Values.INSPECTION_PASS : Values.INSPECTION_FAIL);
      String findings = INSPECTION_FINDINGS.get(execution);
      INSPECTION_FINDINGS.set(execution, (findings == null ? "" : findings.strip() + "\n")
          + "整改复查：" + (passed ? "整改合格。" : "整改不合格。") + RECTIFICATION_NOTE.get(execution).strip());
    };
  }
}
