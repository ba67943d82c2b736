package io.github.xuke.inspection;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inspection steps of process {@code LicenceApplication}: the options of 安排现场核查, and the
 * service tasks that record the schedule, the inspection and the re-check of a rectification. Thin:
 * the rules are in {@link InspectionScheduling} and {@link InspectionRecords}.
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
  JavaDelegate recordInspectionScheduleDelegate(InspectionScheduling scheduling, CurrentUser currentUser) {
    return execution -> {
      InspectionScheduling.Scheduled scheduled = scheduling.schedule(applicationId(execution), LICENCE_TYPE.get(execution),
          new InspectionScheduling.ScheduleRequest(INSPECTION_START.get(execution), INSPECTION_HOURS.get(execution),
              INSPECTORS.get(execution), INSPECTION_EXPERTS.get(execution), Boolean.TRUE.equals(AFTER_HOURS.get(execution)),
              AFTER_HOURS_REASON.get(execution)), currentUser.id());
      INSPECTION_ID.set(execution, scheduled.inspectionId());
      INSPECTION_DATE.set(execution, scheduled.date());
      INSPECTION_PARTICIPANTS.set(execution, scheduled.participantRows());
      INSPECTION_CHECKS.set(execution, scheduled.checkRows());
    };
  }

  /** {@code Task_RecordInspection} (登记核查记录): confirmations, checklist, conclusion; refused when incomplete. */
  @Bean
  JavaDelegate recordInspectionDelegate(InspectionRecords records, CurrentUser currentUser) {
    return execution -> records.record(applicationId(execution), new InspectionRecords.RecordRequest(
        INSPECTION_PARTICIPANTS.get(execution), INSPECTION_CHECKS.get(execution), INSPECTION_RESULT.get(execution),
        INSPECTION_FINDINGS.get(execution)), currentUser.id());
  }

  /** {@code Task_RecordRectificationRecheck} (登记整改复查结果): the case goes on with the final result. */
  @Bean
  JavaDelegate recordRectificationRecheckDelegate(InspectionRecords records, CurrentUser currentUser) {
    return execution -> {
      InspectionRecords.Rechecked rechecked = records.recheck(applicationId(execution), RECTIFICATION_RESULT.get(execution),
          RECTIFICATION_NOTE.get(execution), INSPECTION_FINDINGS.get(execution), currentUser.id());
      INSPECTION_RESULT.set(execution, rechecked.result());
      INSPECTION_FINDINGS.set(execution, rechecked.findings());
    };
  }
}
