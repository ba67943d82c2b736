package io.github.xuke.inspection.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.inspection.InspectionFields;
import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.inspection.InspectionScheduling;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordInspectionSchedule} (登记核查安排): the appointment, its participants and checklist. */
@Component
public class RecordInspectionScheduleDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      InspectionFields.START, INSPECTION_START,
      InspectionFields.HOURS, INSPECTION_HOURS,
      InspectionFields.INSPECTORS, INSPECTORS,
      InspectionFields.EXPERTS, INSPECTION_EXPERTS,
      InspectionFields.AFTER_HOURS, AFTER_HOURS);

  private final InspectionScheduling scheduling;
  private final CurrentUser currentUser;

  public RecordInspectionScheduleDelegate(InspectionScheduling scheduling, CurrentUser currentUser) {
    this.scheduling = scheduling;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InspectionScheduling.Scheduled scheduled = FormFields.mapped(FORM_FIELDS, () ->
        scheduling.schedule(APPLICATION_ID.get(execution), LICENCE_TYPE.get(execution),
            new InspectionScheduling.ScheduleRequest(INSPECTION_START.get(execution), INSPECTION_HOURS.get(execution),
                INSPECTORS.get(execution), INSPECTION_EXPERTS.get(execution),
                Boolean.TRUE.equals(AFTER_HOURS.get(execution)), AFTER_HOURS_REASON.get(execution)),
            currentUser.id()));
    INSPECTION_ID.set(execution, scheduled.inspectionId());
    INSPECTION_DATE.set(execution, scheduled.date());
    INSPECTION_PARTICIPANTS.set(execution, scheduled.participantRows());
    INSPECTION_CHECKS.set(execution, scheduled.checkRows());
  }
}
