package io.github.xuke.system;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.TASK_ACCEPT_APPLICATION;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.WebappSession;
import io.github.xuke.XukeTest;
import io.github.xuke.application.ApplicationStatus;
import io.github.xuke.application.Cases;
import io.github.xuke.application.process.CaseDriver;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form refused by one of Xuke's steps reaches the engine REST API's clients — Tasklist among them —
 * as a 400 whose message is the Chinese reason alone, without Camunda's "Cannot submit task form …:"
 * in front, and nothing is stored; Camunda's own answers to other failures stay as they were.
 */
@XukeTest
class FormRefusalTest {

  static final String PLEDGE_MISSING = "容缺受理须由申请人签署《容缺受理承诺书》";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Cases cases;

  /** A case whose acceptance tolerates missing items, waiting for the clerk's decision; its task, claimed by clerk. */
  private String acceptanceTask(ProcessInstance instance) {
    String task = new CaseDriver(engine).task(instance, TASK_ACCEPT_APPLICATION).getId();
    engine.getTaskService().claim(task, "clerk");
    return task;
  }

  private ProcessInstance tolerantCase() {
    @SuppressWarnings("unchecked")
    List<String> materials = (List<String>) CaseDriver.apiApplication("").get("materials");
    return new CaseDriver(engine).start("clerk",
        CaseDriver.intakeForm(CaseDriver.newCreditCode(), "HAZCHEM_SAFE_USE", materials));
  }

  private static Map<String, Object> acceptWithoutPledge() {
    return Map.of("variables", Map.of(ACCEPTANCE_DECISION.name(), Map.of("value", "ACCEPT", "type", "String")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task/%s/submit-form", "/engine-rest/task/%s/complete"})
  void aRefusedTaskFormIsA400WithTheChineseReasonAlone(String path) {
    ProcessInstance instance = tolerantCase();
    String task = acceptanceTask(instance);

    TestHttp.Response refused = new TestHttp(port).postJson(path.formatted(task), "clerk", "demo", acceptWithoutPledge());

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(refused.json().path("message").asText()).isEqualTo(PLEDGE_MISSING);
    assertThat(refused.json().path("field").asText()).isEqualTo(TOLERANCE_PLEDGED.name());
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
    assertThat(cases.get(new CaseDriver(engine).applicationId(instance)).status())
        .as("nothing stored").isEqualTo(ApplicationStatus.RECEIVED);
  }

  @Test
  void tasklistsOwnEngineApiAnswersTheSame() {
    String task = acceptanceTask(tolerantCase());
    WebappSession tasklist = WebappSession.login(port, "tasklist", "clerk", "demo");

    TestHttp.Response refused = tasklist.postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\":{\"" + ACCEPTANCE_DECISION.name() + "\":{\"value\":\"ACCEPT\",\"type\":\"String\"}}}");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).isEqualTo(PLEDGE_MISSING);
  }

  @Test
  void aRefusedStartFormIsA400WithTheChineseReasonAlone() {
    Map<String, Object> variables = Map.of(
        ENTERPRISE_NAME.name(), Map.of("value", "某某化工有限公司", "type", "String"),
        CREDIT_CODE.name(), Map.of("value", "91350100M000100Y44", "type", "String"),
        CONTACT_NAME.name(), Map.of("value", "张三", "type", "String"),
        CONTACT_PHONE.name(), Map.of("value", "13812345678", "type", "String"),
        LICENCE_TYPE.name(), Map.of("value", "HAZCHEM_SAFE_USE", "type", "String"),
        SUBMITTED_MATERIALS.name(), Map.of("value", "[\"APPLICATION_FORM\"]", "type", "Json"));

    TestHttp.Response refused = new TestHttp(port).postJson(
        "/engine-rest/process-definition/key/LicenceApplication/submit-form", "clerk", "demo",
        Map.of("variables", variables));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).isEqualTo("统一社会信用代码校验位不正确，请核对后重新填写");
  }

  @Test
  void camundasOwnAnswersStayAsTheyWere() {
    ProcessInstance instance = tolerantCase();
    String task = new CaseDriver(engine).task(instance, TASK_ACCEPT_APPLICATION).getId();
    TestHttp http = new TestHttp(port);

    TestHttp.Response forbidden = http.postJson("/engine-rest/task/" + task + "/submit-form", "expert", "demo",
        acceptWithoutPledge());
    JsonNode body = forbidden.json();
    assertThat(forbidden.status()).as(forbidden.body()).isEqualTo(403);
    assertThat(body.path("type").asText()).isEqualTo("AuthorizationException");

    TestHttp.Response unknownType = http.postJson("/engine-rest/task/" + task + "/submit-form", "clerk", "demo",
        Map.of("variables", Map.of(ACCEPTANCE_DECISION.name(), Map.of("value", "ACCEPT", "type", "NoSuchType"))));
    assertThat(unknownType.status()).as(unknownType.body()).isEqualTo(400);
    assertThat(unknownType.json().path("message").asText()).startsWith("Cannot submit task form " + task);
  }
}
