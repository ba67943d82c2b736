package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.APPLICATION_ID;

import io.github.xuke.application.Licensing;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_SignDocuments} (加盖电子签章换发决定书和许可证): right after the deputy director
 * signs online, the decision and the certificate are re-issued with the bureau's digital signature in
 * their name.
 */
@Component
public class SignDocumentsDelegate implements JavaDelegate {

  private final Licensing licensing;
  private final CurrentUser currentUser;

  public SignDocumentsDelegate(Licensing licensing, CurrentUser currentUser) {
    this.licensing = licensing;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    licensing.sign(APPLICATION_ID.get(execution), currentUser.id());
  }
}
