package io.github.xuke.system;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.TASK_ACCEPT_APPLICATION;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.ACCEPTANCE_DECISION;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.TOLERANCE_PLEDGED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.process.ExpertReviewProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk with engine REST access cannot break a case by writing an Object variable of a foreign type:
 * the write is refused with 400 and the case's variables still read.
 */
@XukeTest
class ObjectVariableTypesTest {

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;
  TestHttp http;
  CaseDriver driver;
  ProcessInstance instance;

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    driver = new CaseDriver(engine);
    instance = driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(), "HAZCHEM_SAFE_USE",
        driver.completeMaterials("HAZCHEM_SAFE_USE")));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "java.lang.ProcessBuilder, application/json, '\"calc\"'",
      "java.util.ArrayList<java.lang.ProcessBuilder>, application/json, '[\"calc\"]'",
      "java.util.ArrayList<java.lang.String>, application/json, '{\"not\": \"a list\"}'",
      "java.util.ArrayList, application/x-java-serialized-object, rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0",
      "java.util.ArrayList<java.lang.String>, application/xml, '<list/>'"})
  void aForeignObjectVariableIsRefusedAndTheCaseStillReads(String type, String format, String value) {
    Map<String, Object> variable = Map.of("type", "Object", "value", value,
        "valueInfo", Map.of("objectTypeName", type, "serializationDataFormat", format));
    String task = driver.task(instance, TASK_ACCEPT_APPLICATION).getId();

    TestHttp.Response byClerk = http.putJson("/engine-rest/task/" + task + "/variables/x", "clerk", "demo", variable);
    TestHttp.Response byAdmin = http.putJson("/engine-rest/process-instance/" + instance.getId() + "/variables/x",
        "admin", "xuke-admin", variable);

    assertThat(List.of(byClerk, byAdmin)).allSatisfy(written -> {
      assertThat(written.status()).as(written.body()).isEqualTo(400);
      assertThat(written.json().path("message").asText()).contains("不被接受");
    });
    TestHttp.Response variables = http.get("/engine-rest/task/" + task + "/variables", "clerk", "demo");
    assertThat(variables.status()).as(variables.body()).isEqualTo(200);
    assertThat(variables.json().has("x")).isFalse();
    assertThat(http.get("/engine-rest/process-instance/" + instance.getId() + "/variables", "admin", "xuke-admin")
        .status()).isEqualTo(200);
  }

  @Test
  void aForeignObjectInATaskFormIsRefused() {
    String task = driver.task(instance, TASK_ACCEPT_APPLICATION).getId();
    TestHttp.Response submitted = http.postJson("/engine-rest/task/" + task + "/submit-form", "clerk", "demo",
        Map.of("variables", Map.of(
            ACCEPTANCE_DECISION.name(), Map.of("value", LicenceApplicationProcess.Values.ACCEPT, "type", "String"),
            TOLERANCE_PLEDGED.name(), Map.of("value", true, "type", "Boolean"),
            "x", Map.of("type", "Object", "value", "\"calc\"", "valueInfo", Map.of(
                "objectTypeName", "java.lang.ProcessBuilder", "serializationDataFormat", "application/json")))));

    assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
    assertThat(driver.task(instance, TASK_ACCEPT_APPLICATION)).as("the task is still open").isNotNull();
  }

  @Test
  void aListOfStringsAsXukeWritesItIsAccepted() {
    TestHttp.Response written = http.putJson("/engine-rest/process-instance/" + instance.getId() + "/variables/names",
        "admin", "xuke-admin", Map.of("type", "Object", "value", "[\"张三\",\"李四\"]",
            "valueInfo", Map.of("objectTypeName", "java.util.ArrayList<java.lang.String>",
                "serializationDataFormat", "application/json")));

    assertThat(written.status()).as(written.body()).isEqualTo(204);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "names")).isEqualTo(List.of("张三", "李四"));
  }

  /** The allowed types are those Xuke writes: every Object variable a case gets passes the check. */
  @Test
  void everyObjectVariableOfACaseIsOfAnAllowedType() {
    ProcessInstance accepted = driver.acceptedCase("HAZCHEM_OPERATION_STORAGE");
    String caseNumber = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(accepted.getId()).singleResult().getBusinessKey();
    String[] processes = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list().stream().map(process -> process.getId()).toArray(String[]::new);
    List<HistoricVariableInstance> objects = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processes).disableCustomObjectDeserialization().list().stream()
        .filter(variable -> "object".equals(variable.getTypeName()))
        .toList();

    assertThat(objects).extracting(HistoricVariableInstance::getName).contains(ExpertReviewProcess.Variables.EXPERT_PANEL.name());
    ObjectVariableTypes.Allowed allowed = new ObjectVariableTypes.Allowed();
    assertThat(objects).allSatisfy(variable -> {
      String type = ((ObjectValue) variable.getTypedValue()).getObjectTypeName();
      for (String part : type.split("[<>,\\s]+")) {
        assertThat(allowed.validate(part)).as(variable.getName() + ": " + type).isTrue();
      }
    });
  }
}
