package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input no form sends — texts longer than their columns, null elements in lists, dates the calendar
 * cannot count from — each refused with a 4xx that names the field in Chinese, and nothing stored.
 */
@XukeTest
class BadInputTest {

  /** The tables a refused request could have written to. */
  static final List<String> TABLES = List.of("licence_application", "paper_copy", "case_clock", "clock_event",
      "calendar_year", "expert", "expert_specialty", "expert_conflict", "technical_agency", "agency_conflict",
      "act_id_user", "act_id_membership", "act_hi_decinst");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TestHttp http;
  long applicationId;
  long paperCopyId;

  @BeforeEach
  void aReceivedCaseWithAPaperCopy() {
    http = new TestHttp(port);
    applicationId = http.postJson("/api/applications", "clerk", "demo", CaseDriver.apiApplication(CaseDriver.newCreditCode()))
        .json().path("applicationId").asLong();
    paperCopyId = http.postJson("/api/applications/" + applicationId + "/materials/APPLICATION_FORM/paper-copies",
        "clerk", "demo", Map.of("trackingNumber", "EMS1234567")).json().path("id").asLong();
  }

  /** A request that must be refused: what is sent, by whom, and the status and field of the refusal. */
  record Refusal(String method, String path, String user, Object body, int status, String field) {}

  @Test
  void everyBadFieldIsA4xxNamingItAndNothingIsStored() {
    String clock = "/api/applications/" + applicationId + "/clocks/CORRECTION_NOTICE/";
    List<Refusal> refusals = List.of(
        new Refusal("POST", clock + "extend", "deputy", Map.of("units", 2, "reason", "长".repeat(1001)), 400, "reason"),
        new Refusal("POST", clock + "pause", "clerk", Map.of("reason", "长".repeat(1001)), 400, "reason"),
        new Refusal("POST", "/api/applications/" + applicationId + "/paper-copies/" + paperCopyId + "/received", "clerk",
            Map.of("matchesUpload", false, "remark", "缺".repeat(1001)), 400, "remark"),
        new Refusal("POST", "/api/precheck", null, Map.of("licenceType", "X".repeat(4001)), 400, "licenceType"),
        new Refusal("POST", "/api/precheck", null, Map.of("licenceType", "HAZCHEM_SAFE_USE", "materials",
            Arrays.asList("APPLICATION_FORM", null)), 400, "materials"),
        new Refusal("POST", "/api/experts", "chief", expert(Arrays.asList((Object) null)), 400, "conflicts"),
        new Refusal("POST", "/api/experts", "chief", expert(List.of(Map.of("creditCode", CaseDriver.newCreditCode(),
            "reason", "因".repeat(501)))), 400, "conflicts"),
        new Refusal("PUT", "/api/experts/1", "chief", withoutUserId(expert(Arrays.asList((Object) null))), 400,
            "conflicts"),
        new Refusal("POST", "/api/agencies", "chief", agency(Arrays.asList((Object) null)), 400, "conflicts"),
        new Refusal("PUT", "/api/agencies/" + anAgency(), "chief", agency(Arrays.asList((Object) null)), 400, "conflicts"),
        new Refusal("PUT", "/api/calendar/years/2099", "admin", Map.of("holidays", List.of("2099-01-01"),
            "workdays", List.of(), "source", "国".repeat(501)), 400, "source"),
        new Refusal("GET", "/api/calendar/deadline?from=%2B999999999-12-31&workingDays=3", null, null, 400, "from"),
        new Refusal("GET", "/api/calendar/deadline?from=-999999999-01-01&workingDays=3", null, null, 400, "from"),
        new Refusal("GET", "/api/inspections?from=%2B999999999-12-31", "officer", null, 400, "from"),
        new Refusal("GET", "/api/inspections?from=2026-06-01&to=%2B999999999-12-31", "officer", null, 400, "to"));

    SoftAssertions.assertSoftly(softly -> {
      for (Refusal refusal : refusals) {
        Map<String, Long> before = rowCounts();
        String expertsBefore = table("expert");
        TestHttp.Response response = send(refusal);
        String what = refusal.method() + " " + refusal.path().substring(0, Math.min(90, refusal.path().length()));
        softly.assertThat(response.status()).as(what + " → " + response.body()).isEqualTo(refusal.status());
        JsonNode error = response.json();
        softly.assertThat(error.path("field").asText()).as(what).isEqualTo(refusal.field());
        softly.assertThat(error.path("message").asText()).as(what).containsPattern("\\p{IsHan}")
            .doesNotContain("Exception");
        softly.assertThat(rowCounts()).as(what + ": nothing stored").isEqualTo(before);
        softly.assertThat(table("expert")).as(what + ": no expert changed").isEqualTo(expertsBefore);
      }
    });
    assertThat(jdbc.sql("select count(*) from paper_copy where id = ? and received_at is null").param(paperCopyId)
        .query(Long.class).single()).as("the paper copy is still waiting").isEqualTo(1);
  }

  @Test
  void aResumeWithAnOverlongReasonLeavesTheClockPaused() {
    String clock = "/api/applications/" + applicationId + "/clocks/CORRECTION_NOTICE/";
    assertThat(http.postJson(clock + "pause", "clerk", "demo", Map.of("reason", "企业申请暂停")).status()).isEqualTo(200);
    Map<String, Long> before = rowCounts();

    TestHttp.Response refused = http.postJson(clock + "resume", "clerk", "demo", Map.of("reason", "长".repeat(501)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("field").asText()).isEqualTo("reason");
    assertThat(refused.json().path("message").asText()).contains("不能超过 500 个字");
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(jdbc.sql("select state from case_clock where application_id = ? and kind = 'CORRECTION_NOTICE'")
        .param(applicationId).query(String.class).single()).isEqualTo("PAUSED");
    assertThat(http.postJson(clock + "resume", "clerk", "demo", Map.of("reason", "恢复")).status()).isEqualTo(200);
  }

  /**
   * A form body whose parameter names Spring Security's firewall refuses (a non-character, U+FFFF):
   * the firewall throws only when the parameters are first read, inside the request; still a 400.
   */
  @Test
  void aParameterNameTheFirewallRefusesIsA400() {
    Map<String, Long> before = rowCounts();
    byte[] body = "{\"trackingNumber\":null,\"\uffff\":null}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    TestHttp.Response refused = http.send("POST", "/api/applications/" + applicationId
        + "/materials/APPLICATION_FORM/paper-copies", "clerk", "demo", "application/x-www-form-urlencoded", body);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("code").asText()).isEqualTo("REQUEST_REJECTED");
    assertThat(refused.json().path("message").asText()).containsPattern("\\p{IsHan}").doesNotContain("Exception");
    assertThat(rowCounts()).isEqualTo(before);
  }

  private TestHttp.Response send(Refusal refusal) {
    String password = "admin".equals(refusal.user()) ? "xuke-admin" : "demo";
    return switch (refusal.method()) {
      case "GET" -> http.get(refusal.path(), refusal.user(), password);
      case "PUT" -> http.putJson(refusal.path(), refusal.user(), password, refusal.body());
      default -> http.postJson(refusal.path(), refusal.user(), password, refusal.body());
    };
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }

  private String table(String name) {
    return jdbc.sql("select * from " + name + " order by id").query().listOfRows().toString();
  }

  private Map<String, Object> expert(List<Object> conflicts) {
    Map<String, Object> body = new HashMap<>();
    body.put("userId", "bad" + System.nanoTime() % 100000);
    body.put("name", "赵工");
    body.put("specialties", List.of("消防"));
    body.put("employer", "市化工设计院");
    body.put("phone", "13900001111");
    body.put("active", false);
    body.put("conflicts", conflicts);
    return body;
  }

  private static Map<String, Object> withoutUserId(Map<String, Object> expert) {
    expert.remove("userId");
    return expert;
  }

  private Map<String, Object> agency(List<Object> conflicts) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "某安全评价有限公司");
    body.put("creditCode", CaseDriver.newCreditCode());
    body.put("qualification", "APJ-（沪）-001");
    body.put("contactName", "钱工");
    body.put("phone", "021-55556666");
    body.put("active", false);
    body.put("conflicts", new ArrayList<>(conflicts));
    return body;
  }

  /** An inactive agency to change (kept out of every draw). */
  private long anAgency() {
    return http.postJson("/api/agencies", "chief", "demo", agency(List.of())).json().path("id").asLong();
  }
}
