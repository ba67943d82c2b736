package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.ApplicationService;
import io.github.xuke.application.MaterialItem;
import io.github.xuke.application.SupplyChannel;
import java.util.List;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_UpdateSuppliedMaterials} (更新容缺材料状态): the tolerated items just supplied. */
@Component
public class UpdateSuppliedMaterialsDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final CurrentUser currentUser;

  public UpdateSuppliedMaterialsDelegate(ApplicationService applications, CurrentUser currentUser) {
    this.applications = applications;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String channel = SUPPLY_CHANNEL.get(execution);
    List<MaterialItem> outstanding = applications.recordSupplied(APPLICATION_ID.get(execution),
        SUPPLIED_MATERIALS.get(execution), channel == null ? null : SupplyChannel.valueOf(channel),
        SUPPLY_REFERENCE.get(execution), currentUser.id());
    // the next 登记补交材料 form starts empty
    execution.removeVariable(SUPPLIED_MATERIALS.name());
    execution.removeVariable(SUPPLY_CHANNEL.name());
    execution.removeVariable(SUPPLY_REFERENCE.name());
    MaterialOptions.write(execution, outstanding);
  }
}
