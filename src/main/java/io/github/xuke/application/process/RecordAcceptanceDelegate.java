package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.application.ApplicationService;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordAcceptance} (登记受理并告知): the acceptance time starts the clocks; tolerated items get the one-time notice. */
@Component
public class RecordAcceptanceDelegate implements JavaDelegate {

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
    ApplicationService.Acceptance acceptance = FormFields.mapped(Map.of("tolerancePledged", TOLERANCE_PLEDGED),
        () -> applications.accept(APPLICATION_ID.get(execution),
            Boolean.TRUE.equals(TOLERANCE_PLEDGED.get(execution)), currentUser.id()));
    ACCEPTED_AT.set(execution, acceptance.acceptedAt());
    SUPPLY_DUE_AT.set(execution, acceptance.supplyDueAt());
    TOLERATED_OUTSTANDING.set(execution, forms.toleratedOutstanding(APPLICATION_ID.get(execution)));
  }
}
