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

/** Service task {@code Task_RecordDecision} (登记许可决定): the chief representative's approval or refusal and its time. */
@Component
public class RecordDecisionDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      CaseFields.REASON, APPROVAL_REASON);

  private final ApplicationService applications;
  private final CurrentUser currentUser;

  public RecordDecisionDelegate(ApplicationService applications, CurrentUser currentUser) {
    this.applications = applications;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean approved = LicenceApplicationProcess.Values.APPROVE.equals(APPROVAL_DECISION.get(execution));
    ApplicationService.Decision decision = FormFields.mapped(FORM_FIELDS, () ->
        applications.recordDecision(APPLICATION_ID.get(execution), approved, APPROVAL_REASON.get(execution),
            currentUser.id()));
    DECIDED_AT.set(execution, decision.decidedAt());
    SIGNATURE_DUE_AT.set(execution, decision.signatureDue());
  }
}
