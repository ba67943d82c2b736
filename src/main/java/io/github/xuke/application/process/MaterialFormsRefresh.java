package io.github.xuke.application.process;

import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.application.CaseEvents;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a tolerated item arrives outside the clerk's task (uploaded online, collected on site), the
 * lists the clerk's forms show are refreshed once the arrival is committed. The tables stay the
 * truth: a form opened before the refresh is checked against them when it is sent.
 */
@Component
class MaterialFormsRefresh {

  private final ApplicationRepository applications;
  private final MaterialForms forms;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;

  MaterialFormsRefresh(ApplicationRepository applications, MaterialForms forms, RuntimeService runtimeService,
      CurrentUser currentUser) {
    this.applications = applications;
    this.forms = forms;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
  }

  @TransactionalEventListener
  void on(CaseEvents.MaterialsChanged changed) {
    LicenceApplication application = applications.get(changed.applicationId());
    String instance = application.processInstanceId();
    currentUser.withoutAuthorization(() -> {
      // by execution id (the primary key): a process instance query's PARENT_ID_ is null reads every instance on H2
      if (instance != null && runtimeService.createExecutionQuery().executionId(instance).active().count() == 1) {
        runtimeService.setVariables(instance, forms.variables(changed.applicationId()));
      }
      return null;
    });
  }
}
