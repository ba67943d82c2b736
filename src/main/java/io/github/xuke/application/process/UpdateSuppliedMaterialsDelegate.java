package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.CaseFields;
import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.application.MaterialSupplies;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_UpdateSuppliedMaterials} (更新容缺材料状态): the supplies the clerk recorded
 * and re-checked; the next round of the form lists what is still outstanding.
 */
@Component
public class UpdateSuppliedMaterialsDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      CaseFields.REVIEWS, SUPPLY_REVIEW);

  private final MaterialSupplies supplies;
  private final CurrentUser currentUser;
  private final MaterialForms forms;

  public UpdateSuppliedMaterialsDelegate(MaterialSupplies supplies, CurrentUser currentUser,
      MaterialForms forms) {
    this.supplies = supplies;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = APPLICATION_ID.get(execution);
    FormFields.mapped(FORM_FIELDS, () ->
        supplies.recordSupplyChecks(applicationId, forms.supplyChecks(execution), currentUser.id()));
    TOLERATED_OUTSTANDING.set(execution, forms.toleratedOutstanding(applicationId));
  }
}
