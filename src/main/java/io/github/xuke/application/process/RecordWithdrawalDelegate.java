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

/** Service task {@code Task_RecordWithdrawal} (登记退办): the withdrawal and its notice. */
@Component
public class RecordWithdrawalDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      CaseFields.REASON, WITHDRAWAL_REASON);

  private final ApplicationService applications;
  private final CurrentUser currentUser;

  public RecordWithdrawalDelegate(ApplicationService applications, CurrentUser currentUser) {
    this.applications = applications;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormFields.mapped(FORM_FIELDS, () ->
        applications.withdraw(APPLICATION_ID.get(execution), WITHDRAWAL_REASON.get(execution), currentUser.id()));
  }
}
