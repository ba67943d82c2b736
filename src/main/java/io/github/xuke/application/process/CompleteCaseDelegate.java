package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.application.ApplicationService;
import io.github.xuke.application.DeliveryMethod;
import io.github.xuke.core.InvalidApplicationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_CompleteCase} (办结): the licence has been posted or handed over. */
@Component
public class CompleteCaseDelegate implements JavaDelegate {

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
    FormFields.mapped(Map.of("trackingNumber", TRACKING_NUMBER), () -> applications.complete(
        APPLICATION_ID.get(execution), DeliveryMethod.valueOf(method), TRACKING_NUMBER.get(execution)));
  }
}
