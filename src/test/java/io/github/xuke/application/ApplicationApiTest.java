package io.github.xuke.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/applications} and the calendar endpoint, over HTTP. */
@XukeTest
class ApplicationApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void receivesAnApplicationAndAnswersWithItsIds() {
    TestHttp http = new TestHttp(port);
    TestHttp.Response response = http.postJson("/api/applications", "clerk", "demo",
        CaseDriver.apiApplication(CaseDriver.newCreditCode()));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode started = response.json();
    assertThat(started.path("caseNumber").asText()).matches("XK-\\d{4}-\\d{6}");
    assertThat(started.path("processInstanceId").asText()).isNotBlank();
    JsonNode view = http.get("/api/applications/" + started.path("applicationId").asLong(), "officer", "demo").json();
    assertThat(view.path("processInstanceId").asText()).isEqualTo(started.path("processInstanceId").asText());
    assertThat(view.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(view.path("materials").findValuesAsText("status")).contains("SUBMITTED", "TOLERATED");
  }

  @Test
  void aCaseKeepsTheApplicantsNameWhenTheEnterpriseIsRenamedLater() {
    TestHttp http = new TestHttp(port);
    String code = CaseDriver.newCreditCode();
    Map<String, Object> first = CaseDriver.apiApplication(code);
    first.put("enterpriseName", "旧名化工有限公司");
    long firstId = http.postJson("/api/applications", "clerk", "demo", first).json().path("applicationId").asLong();
    Map<String, Object> second = CaseDriver.apiApplication(code);
    second.put("enterpriseName", "新名化工集团有限公司");
    http.postJson("/api/applications", "clerk", "demo", second);

    JsonNode view = http.get("/api/applications/" + firstId, "clerk", "demo").json();
    assertThat(view.path("enterpriseName").asText()).isEqualTo("旧名化工有限公司");
    assertThat(view.path("enterprise").path("name").asText()).isEqualTo("新名化工集团有限公司");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "enterpriseName | NULL | 申请单位名称不能为空",
      "enterpriseName | '   ' | 申请单位名称不能为空",
      "creditCode | 91350100M000100Y44 | 校验位不正确",
      "creditCode | 12345 | 应为 18 位",
      "contactName | NULL | 联系人不能为空",
      "contactPhone | 12345 | 联系电话格式不正确",
      "licenceType | FISHING_PERMIT | 不受理的许可事项“FISHING_PERMIT”",
      "licenceType | NULL | 申请许可事项不能为空"})
  void refusesABadFieldByNameAndStoresNothing(String field, String value, String message) {
    long before = jdbc.sql("select count(*) from licence_application").query(Long.class).single();
    long instancesBefore = jdbc.sql("select count(*) from ACT_HI_PROCINST").query(Long.class).single();
    Map<String, Object> body = CaseDriver.apiApplication(CaseDriver.newCreditCode());
    body.put(field, value);

    TestHttp.Response response = new TestHttp(port).postJson("/api/applications", "clerk", "demo", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("field").asText()).isEqualTo(field);
    assertThat(response.json().path("message").asText()).contains(message);
    assertThat(jdbc.sql("select count(*) from licence_application").query(Long.class).single()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from ACT_HI_PROCINST").query(Long.class).single())
        .as("checked by the case's first step, rolled back whole: no process instance either").isEqualTo(instancesBefore);
  }

  @Test
  void refusesUnknownMaterialsAndBrokenJson() {
    TestHttp http = new TestHttp(port);
    Map<String, Object> body = CaseDriver.apiApplication(CaseDriver.newCreditCode());
    body.put("materials", List.of("APPLICATION_FORM", "SELFIE"));
    TestHttp.Response unknown = http.postJson("/api/applications", "clerk", "demo", body);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("field").asText()).isEqualTo("materials");

    body.put("materials", java.util.Arrays.asList("APPLICATION_FORM", null));
    assertThat(http.postJson("/api/applications", "clerk", "demo", body).json().path("field").asText())
        .isEqualTo("materials");

    TestHttp.Response broken = http.postJson("/api/applications", "clerk", "demo", "{\"enterpriseName\": ");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().path("message").asText()).contains("JSON");
  }

  @Test
  void aCaseWhoseDeadlinesReachAYearWithoutDataIsReceivedWithProvisionalDueDates() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-28T02:00:00Z")));
    try {
      TestHttp.Response response = new TestHttp(port).postJson("/api/applications", "clerk", "demo",
          CaseDriver.apiApplication(CaseDriver.newCreditCode()));
      assertThat(response.status()).as(response.body()).isEqualTo(201);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void onlyWindowClerksReceiveApplications() {
    TestHttp.Response response = new TestHttp(port).postJson("/api/applications", "expert", "demo",
        CaseDriver.apiApplication(CaseDriver.newCreditCode()));
    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void calendarAnswersTheReferenceExamplesAndNamesAMissingYear() {
    TestHttp http = new TestHttp(port);
    JsonNode deadline = http.get("/api/calendar/deadline?from=2026-09-30&workingDays=3", null, null).json();
    assertThat(deadline.path("due").asText()).isEqualTo("2026-10-10");
    assertThat(deadline.path("dueAt").asText()).isEqualTo("2026-10-10T23:59:59+08:00");
    assertThat(http.get("/api/calendar/deadline?from=2025-09-30&workingDays=1", null, null).json()
        .path("due").asText()).isEqualTo("2025-10-09");

    JsonNode provisional = http.get("/api/calendar/deadline?from=2026-12-30&workingDays=5", null, null).json();
    assertThat(provisional.path("provisional").asBoolean()).isTrue();
    assertThat(provisional.path("missingYears").toString()).isEqualTo("[2027]");
    assertThat(provisional.path("warning").asText()).contains("2027", "临时");
    assertThat(deadline.path("provisional").asBoolean()).isFalse();

    assertThat(http.get("/api/calendar/deadline?from=30.09.2026&workingDays=3", null, null).status()).isEqualTo(400);
    assertThat(http.get("/api/calendar/deadline?from=2026-09-30&workingDays=-1", null, null).status()).isEqualTo(400);
    assertThat(http.get("/api/calendar/deadline?from=2026-09-30", null, null).json().path("field").asText())
        .isEqualTo("workingDays");
  }
}
