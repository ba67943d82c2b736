package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.ApplicationService;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordCorrectionNotice} (登记补正通知): the correction notice listing every missing item. */
@Component
public class RecordCorrectionNoticeDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final CurrentUser currentUser;

  public RecordCorrectionNoticeDelegate(ApplicationService applications, CurrentUser currentUser) {
    this.applications = applications;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    applications.issueCorrectionNotice(APPLICATION_ID.get(execution),
        CORRECTION_REMARK.get(execution), currentUser.id());
    // the next 接收补正材料 form must not open with the previous round's answer chosen
    execution.removeVariable(CORRECTION_OUTCOME.name());
  }
}
