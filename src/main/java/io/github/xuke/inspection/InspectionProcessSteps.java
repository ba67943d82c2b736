package io.github.xuke.inspection;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.process.LicenceApplicationProcess.Values;
import io.github.xuke.system.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inspection steps of process {@code LicenceApplication}: the options of 安排现场核查, and the
 * service tasks that record the schedule, the inspection and the re-check of a rectification. Thin:
 * the rules are in {@link InspectionService}.
 */
@Configuration(proxyBeanMethods = false)
public class InspectionProcessSteps {

  private static long applicationId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return APPLICATION_ID.get(scope);
  }

  /** On creating 安排现场核查: the staff inspectors and the case's experts to choose from. */
  @Bean
  TaskListener inspectionFormsListener(InspectionForms forms) {
    return task -> {
      InspectionForms.Choices choices = forms.choices(applicationId(task));
      INSPECTOR_OPTIONS.set(task.getExecution(), choices.inspectors());
      EXPERT_OPTIONS.set(task.getExecution(), choices.experts());
      COMPLAINT_PHONE.set(task.getExecution(), choices.complaintPhone());
    };
  }

  /** {@code Task_RecordInspectionSchedule} (登记核查安排): the appointment, its participants and checklist. */
  @Bean
  JavaDelegate recordInspectionScheduleDelegate(InspectionService inspections, InspectionForms forms,
      io.github.xuke.calendar.WorkingDays workingDays, CurrentUser currentUser) {
    return execution -> {
      long id = applicationId(execution);
      Inspection inspection = inspections.schedule(id, new InspectionService.ScheduleRequest(
          INSPECTION_START.get(execution), INSPECTION_HOURS.get(execution), INSPECTORS.get(execution),
          INSPECTION_EXPERTS.get(execution), Boolean.TRUE.equals(AFTER_HOURS.get(execution)),
          AFTER_HOURS_REASON.get(execution)), currentUser.id());
      INSPECTION_ID.set(execution, inspection.id());
      INSPECTION_DATE.set(execution, inspection.startsAt().atZoneSameInstant(workingDays.zone()).toLocalDate().toString());
      INSPECTION_PARTICIPANTS.set(execution, forms.participantRows(inspection));
      INSPECTION_CHECKS.set(execution, forms.checkRows(LICENCE_TYPE.get(execution)));
    };
  }

  /** {@code Task_RecordInspection} (登记核查记录): confirmations, checklist, conclusion; refused when incomplete. */
  @Bean
  JavaDelegate recordInspectionDelegate(InspectionService inspections, InspectionForms forms, CurrentUser currentUser) {
    return execution -> {
      List<Inspection.Participant> participants = forms.participants(INSPECTION_PARTICIPANTS.get(execution));
      List<Inspection.Check> checks = forms.checks(INSPECTION_CHECKS.get(execution));
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
