package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.application.ApplicationService;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordNonAcceptance} (登记不予受理决定): the decision not to accept, with its reason. */
@Component
public class RecordNonAcceptanceDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final CurrentUser currentUser;

  public RecordNonAcceptanceDelegate(ApplicationService applications, CurrentUser currentUser) {
    this.applications = applications;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormFields.mapped(Map.of("reason", NON_ACCEPTANCE_REASON), () -> applications.refuseAcceptance(
        APPLICATION_ID.get(execution), NON_ACCEPTANCE_REASON.get(execution), currentUser.id()));
  }
}
