package io.github.xuke.clock;

import io.github.xuke.clock.process.CaseClockProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/sla/board} and a case's clocks over HTTP, with the permissions they need. */
@XukeTest
class SlaBoardTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseClocks clocks;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void supervisorsSeeEveryOpenCaseBreachedFirstWithChineseLabels() {
    at("2026-03-09T09:00");
    CaseDriver driver = new CaseDriver(engine);
    long late = accepted(driver, "FIREWORKS_WHOLESALE");
    long onTime = accepted(driver, "HAZCHEM_SAFE_USE");
    CaseClock inspection = clocks.ofCase(late).stream().filter(c -> c.kind() == ClockKind.INSPECTION).findFirst().orElseThrow();
    at("2026-03-13T09:00");
    driver.fire(inspection.processInstanceId(), CaseClockProcess.Elements.TIMER_WARNING);
    driver.fire(inspection.processInstanceId(), CaseClockProcess.Elements.TIMER_DUE);

    TestHttp http = new TestHttp(port);
    assertThat(http.get("/api/sla/board", null, null).status()).isEqualTo(401);
    assertThat(http.get("/api/sla/board", "clerk", "demo").status()).isEqualTo(403);
    JsonNode board = http.get("/api/sla/board", "deputy", "demo").json();
    assertThat(board.path("size").asInt()).as("the default page").isEqualTo(50);
    assertThat(board.path("licenceTypes").findValuesAsText("name")).contains("烟花爆竹经营（批发）许可证");

    List<JsonNode> rows = allPages(http, "", 7);
    assertThat(rows).as("every page together holds every case the summary counts")
        .hasSize(board.path("summary").path("cases").asInt());
    assertThat(rows.stream().map(row -> row.path("applicationId").asLong()).distinct()).hasSize(rows.size());
    int lateRow = indexOf(rows, late);
    int onTimeRow = indexOf(rows, onTime);
    assertThat(lateRow).isLessThan(onTimeRow);
    assertThat(rows).first().satisfies(first -> assertThat(first.path("breached").asBoolean()).isTrue());
    JsonNode lateCase = rows.get(lateRow);
    assertThat(lateCase.path("light").asText()).isEqualTo("RED");
    assertThat(lateCase.path("licenceTypeName").asText()).isEqualTo("烟花爆竹经营（批发）许可证");
    assertThat(lateCase.path("clocks").findValuesAsText("label")).contains("现场核查与技术评审时限", "承诺办结时限");
    assertThat(lateCase.path("clocks").findValuesAsText("stateLabel")).contains("已超期");
    assertThat(lateCase.path("tasks").findValuesAsText("name")).contains("确认是否参加评审");
    assertThat(board.path("summary").path("breachedClocks").asInt()).isPositive();

    List<JsonNode> filtered = allPages(http, "licenceType=HAZCHEM_SAFE_USE&group=expert&", 200);
    assertThat(filtered).extracting(row -> row.path("licenceType").asText()).containsOnly("HAZCHEM_SAFE_USE");
    assertThat(filtered).extracting(row -> row.path("applicationId").asLong()).contains(onTime).doesNotContain(late);
    JsonNode invitation = filtered.get(indexOf(filtered, onTime)).path("tasks").findParents("assignee").stream()
        .filter(task -> task.path("name").asText().equals("确认是否参加评审")).findFirst().orElseThrow();
    assertThat(invitation.path("groups").toString()).contains("\"expert\"");
    String expert = invitation.path("assignee").asText();
    List<JsonNode> byAssignee = allPages(http, "assignee=" + expert + "&", 200);
    assertThat(byAssignee).extracting(row -> row.path("applicationId").asLong()).contains(onTime);
    assertThat(byAssignee).allSatisfy(row -> assertThat(row.path("tasks").findValuesAsText("assignee")).contains(expert));

    assertThat(http.get("/api/sla/board?size=201", "chief", "demo").status()).isEqualTo(400);
    assertThat(http.get("/api/sla/board?size=0", "chief", "demo").json().path("field").asText()).isEqualTo("size");
    assertThat(http.get("/api/sla/board?page=-1", "chief", "demo").json().path("message").asText()).contains("页码");
  }

  /** Every row of the board, page after page of this size, in the board's order. */
  private static List<JsonNode> allPages(TestHttp http, String filter, int size) {
    List<JsonNode> rows = new ArrayList<>();
    for (int page = 0; ; page++) {
      TestHttp.Response response = http.get("/api/sla/board?" + filter + "page=" + page + "&size=" + size, "chief", "demo");
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      JsonNode board = response.json();
      assertThat(board.path("page").asInt()).isEqualTo(page);
      board.path("rows").forEach(rows::add);
      if (board.path("rows").size() < size) {
        assertThat(rows).hasSize(board.path("summary").path("cases").asInt());
        return rows;
      }
    }
  }

  @Test
  void aCasesClocksHaveTheirHistoryAndOnlyTheDeputyDirectorExtends() {
    at("2026-06-01T09:00");
    long id = accepted(new CaseDriver(engine), "HAZCHEM_OPERATION_STORAGE");
    TestHttp http = new TestHttp(port);

    JsonNode clocksOfCase = http.get("/api/applications/" + id + "/clocks", "officer", "demo").json();
    assertThat(clocksOfCase.findValuesAsText("kind")).contains("CORRECTION_NOTICE", "INSPECTION",
        "COMMITTED_DECISION", "STATUTORY_DECISION");
    assertThat(clocksOfCase.findValuesAsText("event")).contains("STARTED", "MET");

    String extend = "/api/applications/" + id + "/clocks/COMMITTED_DECISION/extend";
    assertThat(http.postJson(extend, "officer", "demo", Map.of("units", 5, "reason", "复杂")).status()).isEqualTo(403);
    TestHttp.Response noReason = http.postJson(extend, "deputy", "demo", Map.of("units", 5));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().path("message").asText()).contains("必须说明理由");
    TestHttp.Response extended = http.postJson(extend, "deputy", "demo", Map.of("units", 5, "reason", "需补充检测"));
    assertThat(extended.status()).as(extended.body()).isEqualTo(200);
    assertThat(extended.body()).contains("延长 5 个工作日：需补充检测");

    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .variableValueEquals(LicenceApplicationProcess.Variables.APPLICATION_ID.name(), id)
        .processDefinitionKey(LicenceApplicationProcess.PROCESS_ID).singleResult().getId();
    JsonNode byInstance = http.get("/api/clocks?processInstanceId=" + instance, "chief", "demo").json();
    assertThat(byInstance.path("applicationId").asLong()).isEqualTo(id);
    assertThat(byInstance.path("clocks").findValuesAsText("kind")).contains("INSPECTION");
    assertThat(http.get("/api/clocks?processInstanceId=nope", "chief", "demo").status()).isEqualTo(404);

    String pause = "/api/applications/" + id + "/clocks/INSPECTION/pause";
    assertThat(http.postJson(pause, "officer", "demo", Map.of("reason", "企业申请延期核查")).json()
        .findValuesAsText("stateLabel")).contains("已暂停");
    assertThat(http.postJson("/api/applications/" + id + "/clocks/NO_SUCH/pause", "officer", "demo",
        Map.of("reason", "x")).status()).isEqualTo(400);
  }

  @Test
  void clockMetricsAreScrapedWithAStaffLogin() {
    TestHttp http = new TestHttp(port);
    assertThat(http.get("/actuator/health", null, null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/prometheus", null, null).status()).isEqualTo(401);
    accepted(new CaseDriver(engine), "HAZCHEM_SAFE_USE");
    TestHttp.Response metrics = http.get("/actuator/prometheus", "admin", "xuke-admin");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("xuke_clocks{kind=\"INSPECTION\",state=\"RUNNING\"}",
        "xuke_clocks_on_time_ratio{kind=\"COMMITTED_DECISION\"}", "xuke_clocks_warned_open");
  }

  private long accepted(CaseDriver driver, String licenceType) {
    return driver.applicationId(driver.acceptedCase(licenceType));
  }


  private static int indexOf(List<JsonNode> rows, long applicationId) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).path("applicationId").asLong() == applicationId) {
        return i;
      }
    }
    throw new AssertionError("case " + applicationId + " not on the board");
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }
}
