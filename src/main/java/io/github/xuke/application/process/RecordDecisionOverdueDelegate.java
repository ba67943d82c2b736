package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.ApplicationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordDecisionOverdue} (登记超时): the committed decision limit has passed. */
@Component
public class RecordDecisionOverdueDelegate implements JavaDelegate {

  private final ApplicationService applications;

  public RecordDecisionOverdueDelegate(ApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    applications.recordDecisionOverdue(APPLICATION_ID.get(execution));
  }
}
