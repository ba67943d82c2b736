package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.ApplicationForm;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a {@code LicenceApplication} case from the API, exactly as Tasklist's start form does: the
 * form's variables in, the registration's ids out. The case's first step checks the form, for both
 * ways in; one transaction: a refused application leaves no row and no process instance.
 */
@Service
public class LicenceApplicationStarter {

  private final RuntimeService runtimeService;

  public LicenceApplicationStarter(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The started case. */
  public record StartedCase(long applicationId, String caseNumber, String processInstanceId) {}

  @Transactional
  public StartedCase start(ApplicationForm form) {
    // checked once, by the case's first step (登记申请), as a start form from Tasklist is
    ApplicationForm valid = form;
    VariableMap variables = Variables.createVariables();
    ENTERPRISE_NAME.put(variables, valid.enterpriseName());
    CREDIT_CODE.put(variables, valid.creditCode());
    CONTACT_NAME.put(variables, valid.contactName());
    CONTACT_PHONE.put(variables, valid.contactPhone());
    LICENCE_TYPE.put(variables, valid.licenceType());
    EVALUATOR_NAME.put(variables, valid.evaluatorName());
    EVALUATOR_CREDIT_CODE.put(variables, valid.evaluatorCreditCode());
    DISTRICT.put(variables, valid.district());
    REGISTERED_ADDRESS.put(variables, valid.registeredAddress());
    PRINCIPAL_NAME.put(variables, valid.principalName());
    BUSINESS_MODE.put(variables, valid.businessMode());
    LICENCE_SCOPE.put(variables, valid.licenceScope());
    variables.putValue(SUBMITTED_MATERIALS.name(), Spin.JSON(valid.materials()));
    ProcessInstanceWithVariables instance = runtimeService
        .createProcessInstanceByKey(LicenceApplicationProcess.PROCESS_ID)
        .setVariables(variables)
        .executeWithVariablesInReturn();
    VariableMap result = instance.getVariables();
    return new StartedCase(APPLICATION_ID.from(result), CASE_NUMBER.from(result), instance.getId());
  }
}
