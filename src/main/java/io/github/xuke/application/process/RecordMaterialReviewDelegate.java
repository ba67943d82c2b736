package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.CaseFields;
import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.application.MaterialChecks;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_RecordMaterialReview} (登记材料审查结果): the clerk's finding on every
 * material, and a decision that fits it (no acceptance with a key material missing or defective, no
 * correction without). A refusal leaves the task open and changes nothing.
 */
@Component
public class RecordMaterialReviewDelegate implements JavaDelegate {

  /** The form's field for each field the services may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      CaseFields.REVIEWS, MATERIAL_REVIEW,
      CaseFields.DECISION, ACCEPTANCE_DECISION);

  private final MaterialChecks applications;
  private final CurrentUser currentUser;
  private final MaterialForms forms;

  public RecordMaterialReviewDelegate(MaterialChecks applications, CurrentUser currentUser,
      MaterialForms forms) {
    this.applications = applications;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = APPLICATION_ID.get(execution);
    String decision = ACCEPTANCE_DECISION.get(execution);
    MaterialChecks.MaterialCheck check = FormFields.mapped(FORM_FIELDS, () -> applications.reviewForDecision(
        applicationId, forms.reviews(execution), LicenceApplicationProcess.Values.ACCEPT.equals(decision),
        LicenceApplicationProcess.Values.CORRECTION.equals(decision), currentUser.id()));
    MATERIAL_OUTCOME.set(execution, check.outcome().name());
    MATERIALS_SUMMARY.set(execution, check.summary());
    TOLERATED_OUTSTANDING.set(execution, forms.toleratedOutstanding(applicationId));
  }
}
