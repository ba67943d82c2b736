package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.CaseFields;
import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.application.ApplicationService;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordAcceptance} (登记受理并告知): the acceptance time starts the clocks; tolerated items get the one-time notice. */
@Component
public class RecordAcceptanceDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      CaseFields.TOLERANCE_PLEDGED, TOLERANCE_PLEDGED);

  private final ApplicationService applications;
  private final CurrentUser currentUser;
  private final MaterialForms forms;

  public RecordAcceptanceDelegate(ApplicationService applications, CurrentUser currentUser, MaterialForms forms) {
    this.applications = applications;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationService.Acceptance acceptance = FormFields.mapped(FORM_FIELDS, () -> applications.accept(APPLICATION_ID.get(execution),
            Boolean.TRUE.equals(TOLERANCE_PLEDGED.get(execution)), currentUser.id()));
    ACCEPTED_AT.set(execution, acceptance.acceptedAt());
    SUPPLY_DUE_AT.set(execution, acceptance.supplyDueAt());
    TOLERATED_OUTSTANDING.set(execution, forms.toleratedOutstanding(APPLICATION_ID.get(execution)));
  }
}
