package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.licence.Licence;
import io.github.xuke.application.Licensing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_IssueLicence} (制发许可证): the licence row and its number. */
@Component
public class IssueLicenceDelegate implements JavaDelegate {

  private final Licensing licences;

  public IssueLicenceDelegate(Licensing licences) {
    this.licences = licences;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Licence licence = licences.issueLicence(APPLICATION_ID.get(execution));
    LICENCE_NUMBER.set(execution, licence.licenceNumber());
  }
}
