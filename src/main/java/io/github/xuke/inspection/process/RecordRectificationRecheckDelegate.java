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

/** Service task {@code Task_RecordRectificationRecheck} (登记整改复查结果): the case goes on with the final result. */
@Component
public class RecordRectificationRecheckDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      InspectionFields.RECTIFICATION_RESULT, RECTIFICATION_RESULT,
      InspectionFields.NOTE, RECTIFICATION_NOTE);

  private final InspectionRecords records;
  private final CurrentUser currentUser;

  public RecordRectificationRecheckDelegate(InspectionRecords records, CurrentUser currentUser) {
    this.records = records;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InspectionRecords.Rechecked rechecked = FormFields.mapped(FORM_FIELDS, () -> records.recheck(APPLICATION_ID.get(execution),
            RECTIFICATION_RESULT.get(execution), RECTIFICATION_NOTE.get(execution), INSPECTION_FINDINGS.get(execution),
            currentUser.id()));
    INSPECTION_RESULT.set(execution, rechecked.result());
    INSPECTION_FINDINGS.set(execution, rechecked.findings());
  }
}
