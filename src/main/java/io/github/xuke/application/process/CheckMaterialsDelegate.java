package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.MaterialChecks;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_CheckMaterials} (核对申请材料): the licence type's list against what was handed in. */
@Component
public class CheckMaterialsDelegate implements JavaDelegate {

  private final MaterialChecks applications;
  private final CurrentUser currentUser;
  private final MaterialForms forms;

  public CheckMaterialsDelegate(MaterialChecks applications, CurrentUser currentUser, MaterialForms forms) {
    this.applications = applications;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MaterialChecks.MaterialCheck check = applications.checkMaterials(
        APPLICATION_ID.get(execution), SUBMITTED_MATERIALS.get(execution), currentUser.id());
    MATERIAL_OUTCOME.set(execution, check.outcome().name());
    MATERIALS_SUMMARY.set(execution, check.summary());
    TOLERATED_OUTSTANDING.set(execution, forms.toleratedOutstanding(APPLICATION_ID.get(execution)));
  }
}
