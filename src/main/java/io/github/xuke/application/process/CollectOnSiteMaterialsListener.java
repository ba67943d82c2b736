package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.MaterialSupplies;
import io.github.xuke.system.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing {@code Task_OnSiteInspection}: the tolerated items the inspector collected on site
 * are recorded as supplied on site, waiting for the clerk's re-check.
 */
@Component
public class CollectOnSiteMaterialsListener implements TaskListener {

  private final MaterialSupplies supplies;
  private final CurrentUser currentUser;

  public CollectOnSiteMaterialsListener(MaterialSupplies supplies, CurrentUser currentUser) {
    this.supplies = supplies;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> collected = COLLECTED_ON_SITE.get(task);
    if (collected != null && !collected.isEmpty()) {
      supplies.receiveOnSite(APPLICATION_ID.get(task), collected, currentUser.id());
      // recorded in the supplies; a later round of the inspection starts with an empty checklist
      task.getExecution().removeVariable(COLLECTED_ON_SITE.name());
    }
  }
}
