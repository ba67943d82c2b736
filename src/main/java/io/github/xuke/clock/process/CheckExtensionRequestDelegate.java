package io.github.xuke.clock.process;

import io.github.xuke.clock.ClockFields;
import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.clock.ExtensionRequests;
import static io.github.xuke.clock.process.ClockExtensionProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_CheckExtensionRequest} (核对延期申请) of {@code ClockExtension}. */
@Component
public class CheckExtensionRequestDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      ClockFields.CASE_NUMBER, CASE_NUMBER,
      ClockFields.KIND, CLOCK_KIND,
      ClockFields.DAYS, EXTENSION_DAYS,
      ClockFields.REASON, EXTENSION_REASON);

  private final ExtensionRequests requests;

  public CheckExtensionRequestDelegate(ExtensionRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ExtensionRequests.ExtensionRequest request = FormFields.mapped(FORM_FIELDS, () -> requests.check(CASE_NUMBER.get(execution),
            CLOCK_KIND.get(execution), EXTENSION_DAYS.get(execution), EXTENSION_REASON.get(execution)));
    execution.setProcessBusinessKey(request.caseNumber());
    APPLICATION_ID.set(execution, request.applicationId());
    ENTERPRISE_NAME.set(execution, request.enterpriseName());
    LICENCE_TYPE_NAME.set(execution, request.licenceTypeName());
    CLOCK_LABEL.set(execution, request.clockLabel());
    CLOCK_DUE_TEXT.set(execution, request.dueText());
  }
}
