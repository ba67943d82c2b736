package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xuke.TestHttp;
import io.github.xuke.WebappSession;
import io.github.xuke.XukeTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task-query expression hole of Camunda 7 CE, tried as an attacker with a staff login would:
 * every path, every expression field, nested, over engine-rest and the webapps' API — refused with
 * 400 and nothing runs. Behind it, the engine's expression fence refuses the known gadgets even
 * where an expression does get evaluated.
 */
@XukeTest
class ExpressionAttackTest {

  /** The expression fields of Camunda 7.24's task query. */
  static final List<String> EXPRESSION_FIELDS = List.of("assigneeExpression", "assigneeLikeExpression",
      "ownerExpression", "candidateUserExpression", "candidateGroupExpression", "candidateGroupsExpression",
      "involvedUserExpression", "dueDateExpression", "dueBeforeExpression", "dueAfterExpression",
      "followUpDateExpression", "followUpBeforeExpression", "followUpBeforeOrNotExistentExpression",
      "followUpAfterExpression", "createdOnExpression", "createdBeforeExpression", "createdAfterExpression",
      "updatedAfterExpression", "processInstanceBusinessKeyExpression",
      "processInstanceBusinessKeyLikeExpression");

  @Autowired ProcessEngine engine;
  @Autowired FilterService filterService;
  @LocalServerPort int port;
  Path marker;
  String gadget;

  @BeforeEach
  void gadget() throws Exception {
    marker = Files.createTempDirectory("xuke-rce").resolve("pwned");
    gadget = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
        + ".exec('touch " + marker + "')}";
  }

  @Test
  void everyExpressionFieldOfATaskQueryIsRefusedOnEveryPath() throws Exception {
    TestHttp http = new TestHttp(port);
    for (String field : EXPRESSION_FIELDS) {
      String query = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(field, gadget));
      String nested = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
          Map.of("orQueries", List.of(Map.of("orQueries", List.of(Map.of(field, gadget))))));
      for (String path : List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest//task/count",
          "/engine-rest/task/count/", "/engine-rest/task;x=1/count")) {
        assertRefused(http.postJson(path, "clerk", "demo", query), field + " " + path);
        assertRefused(http.postJson(path, "clerk", "demo", nested), field + " nested " + path);
      }
      assertRefused(http.get("/engine-rest/task?" + field + "=" + URLEncoder.encode(gadget, StandardCharsets.UTF_8),
          "clerk", "demo"), field + " GET");
      assertRefused(http.get("/engine-rest/task/count?" + encodedName(field) + "=" + URLEncoder.encode(gadget,
          StandardCharsets.UTF_8), "clerk", "demo"), field + " GET encoded name");
    }
    assertThat(marker).doesNotExist();
  }

  @Test
  void storedFiltersAreListedOnlyWithoutExpressionsInTheRequest() throws Exception {
    TestHttp http = new TestHttp(port);
    Filter filter = filterService.createFilterQuery().filterName("窗口受理人员待办").singleResult();
    String query = "{\"orQueries\":[{\"assigneeExpression\":\"" + gadget.replace("'", "\\u0027") + "\"}]}";
    assertRefused(http.postJson("/engine-rest/filter/" + filter.getId() + "/list", "clerk", "demo", query), "list");
    assertRefused(http.postJson("/engine-rest/filter/" + filter.getId() + "/count", "clerk", "demo", query), "count");
    assertRefused(http.postJson("/engine-rest/filter/" + filter.getId() + "/singleResult", "clerk", "demo", query),
        "singleResult");
    // the stored query with Tasklist's own expression still lists
    assertThat(http.postJson("/engine-rest/filter/" + filter.getId() + "/list?maxResults=5", "clerk", "demo", "{}")
        .status()).isEqualTo(200);
    assertThat(marker).doesNotExist();
  }

  @Test
  void tasklistSessionIsRefusedTheSame() {
    WebappSession tasklist = WebappSession.login(port, "tasklist", "clerk", "demo");
    Filter filter = filterService.createFilterQuery().filterName("窗口受理人员待办").singleResult();
    String query = "{\"assigneeExpression\":\"" + gadget + "\"}";
    assertRefused(tasklist.postJson("/camunda/api/engine/engine/default/task", query), "webapp task");
    assertRefused(tasklist.postJson("/camunda/api/engine/engine/default/task/count", query), "webapp count");
    assertRefused(tasklist.postJson("/camunda/api/engine/engine/default/filter/" + filter.getId() + "/list", query),
        "webapp filter");
    TestHttp.Response list = tasklist.postJson("/camunda/api/engine/engine/default/filter/" + filter.getId()
        + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}");
    assertThat(list.status()).as(list.body() + " token " + tasklist.xsrfToken()).isEqualTo(200);
    assertThat(marker).doesNotExist();
  }

  @Test
  void filtersWithExpressionsAreTheAdminsAndOnlyTasklistsOwn() {
    TestHttp http = new TestHttp(port);
    String own = "{\"resourceType\":\"Task\",\"name\":\"我的新过滤器\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}";
    String evil = "{\"resourceType\":\"Task\",\"name\":\"恶意过滤器\",\"query\":{\"assigneeExpression\":\"" + gadget + "\"}}";
    assertRefused(http.postJson("/engine-rest/filter/create", "admin", "xuke-admin", evil), "admin evil filter");
    assertThat(http.postJson("/engine-rest/filter/create", "clerk", "demo", own).status())
        .as("a clerk may not create filters").isEqualTo(403);
    TestHttp.Response created = http.postJson("/engine-rest/filter/create", "admin", "xuke-admin", own);
    assertThat(created.status()).isEqualTo(200);
    String id = created.json().path("id").asText();
    assertRefused(http.putJson("/engine-rest/filter/" + id, "admin", "xuke-admin", evil), "admin evil update");
    filterService.deleteFilter(id);
    assertThat(marker).doesNotExist();
  }

  @Test
  void staffCannotEvaluateDecisionsThroughEngineRest() {
    TestHttp http = new TestHttp(port);
    String body = "{\"variables\":{\"licenceType\":{\"value\":\"HAZCHEM_OPERATION_STORAGE\",\"type\":\"String\"}}}";
    for (String user : List.of("clerk", "officer", "chief", "deputy", "expert", "district", "liaison", "party")) {
      assertThat(http.postJson("/engine-rest/decision-definition/key/LicenceTypeRules/evaluate", user, "demo", body)
          .status()).as(user).isEqualTo(403);
    }
    assertThat(http.postJson("/engine-rest/decision-definition/key/LicenceTypeRules/evaluate", "admin",
        "xuke-admin", body).status()).isEqualTo(200);
  }

  @Test
  void theEngineRefusesKnownGadgetsWhereverAnExpressionIsEvaluated() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    ExpressionManager expressions = configuration.getExpressionManager();
    String deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("expression-probe.bpmn", Bpmn.createExecutableProcess("ExpressionProbe")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait").endEvent().done())
        .deploy().getId();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("ExpressionProbe",
        "X-1", Map.of("caseNumber", "X-1"));
    try {
      List<String> gadgets = List.of(
          gadget,
          "${''.class.forName('java.lang.System')}",
          "${''.getClass()}",
          "${execution.getClass().getClassLoader()}",
          "${execution.processEngineServices.runtimeService}",
          "${execution.processEngine}",
          "${execution.getVariable('caseNumber').getClass()}",
          "${environment.getProperty('spring.datasource.password')}",
          "${systemProperties['user.home']}",
          "${systemEnvironment['PATH']}",
          "${processEngine.identityService}",
          "${dataSource.connection}",
          "${caseClocks.getClass()}",
          "${caseClocks.pause(1, 'INSPECTION', 'x')}",
          "${currentUser().getClass()}",
          "${dateTime().getClass()}");
      for (String text : gadgets) {
        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute((Command<Object>) context ->
            expressions.createExpression(text).getValue(
                context.getExecutionManager().findExecutionById(instance.getId()))))
            .as(text).isInstanceOf(Exception.class);
      }
      // what the diagrams use still works
      Object businessKey = configuration.getCommandExecutorTxRequired().execute((Command<Object>) context ->
          expressions.createExpression("${execution.processBusinessKey}").getValue(
              context.getExecutionManager().findExecutionById(instance.getId())));
      assertThat(businessKey).isEqualTo("X-1");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
    assertThat(marker).doesNotExist();
  }

  private static String encodedName(String field) {
    return field.substring(0, field.length() - 1) + "%" + Integer.toHexString('n');
  }

  private static void assertRefused(TestHttp.Response response, String what) {
    assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(400);
    assertThat(response.body()).as(what).contains("表达式");
  }
}
