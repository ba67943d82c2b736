package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.CaseFields;
import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.application.ApplicationService;
import io.github.xuke.application.DeliveryMethod;
import io.github.xuke.core.InvalidApplicationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_CompleteCase} (办结): the licence has been posted or handed over. */
@Component
public class CompleteCaseDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      CaseFields.TRACKING_NUMBER, TRACKING_NUMBER);

  private final ApplicationService applications;

  public CompleteCaseDelegate(ApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String method = DELIVERY_METHOD.get(execution);
    if (method == null) {
      throw new InvalidApplicationException(DELIVERY_METHOD.name(), "请选择送达方式");
    }
    FormFields.mapped(FORM_FIELDS, () -> applications.complete(
        APPLICATION_ID.get(execution), DeliveryMethod.valueOf(method), TRACKING_NUMBER.get(execution)));
  }
}
