package io.github.xuke.inspection.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.inspection.InspectionFields;
import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.inspection.InspectionRecords;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordInspection} (登记核查记录): confirmations, checklist, conclusion; refused when incomplete. */
@Component
public class RecordInspectionDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      InspectionFields.INSPECTION, INSPECTION_ID,
      InspectionFields.PARTICIPANTS, INSPECTION_PARTICIPANTS,
      InspectionFields.CHECKS, INSPECTION_CHECKS,
      InspectionFields.RESULT, INSPECTION_RESULT,
      InspectionFields.FINDINGS, INSPECTION_FINDINGS);

  private final InspectionRecords records;
  private final CurrentUser currentUser;

  public RecordInspectionDelegate(InspectionRecords records, CurrentUser currentUser) {
    this.records = records;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormFields.mapped(FORM_FIELDS, () ->
        records.record(APPLICATION_ID.get(execution), new InspectionRecords.RecordRequest(
            INSPECTION_PARTICIPANTS.get(execution), INSPECTION_CHECKS.get(execution), INSPECTION_RESULT.get(execution),
            INSPECTION_FINDINGS.get(execution)), currentUser.id()));
  }
}
