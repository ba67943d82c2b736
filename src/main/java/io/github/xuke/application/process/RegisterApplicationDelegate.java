package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.ApplicationForm;
import io.github.xuke.application.ApplicationService;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RegisterApplication} (登记申请信息): 收件, the case number becomes the business key. */
@Component
public class RegisterApplicationDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final CurrentUser currentUser;

  public RegisterApplicationDelegate(ApplicationService applications, CurrentUser currentUser) {
    this.applications = applications;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationForm form = new ApplicationForm(ENTERPRISE_NAME.get(execution),
        CREDIT_CODE.get(execution), CONTACT_NAME.get(execution), CONTACT_PHONE.get(execution),
        LICENCE_TYPE.get(execution), SUBMITTED_MATERIALS.get(execution), EVALUATOR_NAME.get(execution),
        EVALUATOR_CREDIT_CODE.get(execution), DISTRICT.get(execution)).withParticulars(
        REGISTERED_ADDRESS.get(execution), PRINCIPAL_NAME.get(execution), BUSINESS_MODE.get(execution),
        LICENCE_SCOPE.get(execution));
    ApplicationService.Registration registration =
        applications.receive(form, execution.getProcessInstanceId(), currentUser.id());
    execution.setProcessBusinessKey(registration.caseNumber());
    APPLICATION_ID.set(execution, registration.applicationId());
    CASE_NUMBER.set(execution, registration.caseNumber());
    LICENCE_TYPE_NAME.set(execution, registration.licenceTypeName());
    RECEIVED_AT.set(execution, registration.receivedAt());
    COMMITTED_LIMIT_DAYS.set(execution, registration.committedLimitDays());
    ApplicationForm taken = registration.form();
    ENTERPRISE_NAME.set(execution, taken.enterpriseName());
    CREDIT_CODE.set(execution, taken.creditCode());
    CONTACT_NAME.set(execution, taken.contactName());
    CONTACT_PHONE.set(execution, taken.contactPhone());
    DISTRICT.set(execution, taken.district());
    REGISTERED_ADDRESS.set(execution, taken.registeredAddress());
    PRINCIPAL_NAME.set(execution, taken.principalName());
    BUSINESS_MODE.set(execution, taken.businessMode());
    LICENCE_SCOPE.set(execution, taken.licenceScope());
  }
}
