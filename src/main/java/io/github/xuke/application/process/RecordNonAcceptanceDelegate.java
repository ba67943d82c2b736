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

/** Service task {@code Task_RecordNonAcceptance} (登记不予受理决定): the decision not to accept, with its reason. */
@Component
public class RecordNonAcceptanceDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      CaseFields.REASON, NON_ACCEPTANCE_REASON);

  private final ApplicationService applications;
  private final CurrentUser currentUser;

  public RecordNonAcceptanceDelegate(ApplicationService applications, CurrentUser currentUser) {
    this.applications = applications;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormFields.mapped(FORM_FIELDS, () -> applications.refuseAcceptance(
        APPLICATION_ID.get(execution), NON_ACCEPTANCE_REASON.get(execution), currentUser.id()));
  }
}
