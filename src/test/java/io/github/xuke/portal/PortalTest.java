package io.github.xuke.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The enterprise portal's accounts and walls: an enterprise sees its own cases and nothing else. */
@XukeTest
class PortalTest {

  static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TestHttp http;

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
  }

  /** An enterprise that has applied, with its portal account: credit code, password, application id. */
  record Applicant(String creditCode, String password, long applicationId) {}

  private Applicant applicant() {
    String creditCode = CaseDriver.newCreditCode();
    long id = http.postJson("/api/applications", "clerk", "demo", CaseDriver.apiApplication(creditCode))
        .json().path("applicationId").asLong();
    TestHttp.Response opened = http.postJson("/api/enterprise-accounts", "clerk", "demo", Map.of("creditCode", creditCode));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    return new Applicant(creditCode, opened.json().path("initialPassword").asText(), id);
  }

  @Test
  void onlyTheWindowOpensAccountsAndOnlyForEnterprisesItKnows() {
    Applicant applicant = applicant();
    assertThat(applicant.password()).hasSize(12).matches(".*[0-9].*").matches(".*[A-Za-z].*");

    TestHttp.Response again = http.postJson("/api/enterprise-accounts", "clerk", "demo",
        Map.of("creditCode", applicant.creditCode()));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("message").asText()).contains("已开通");
    TestHttp.Response unknown = http.postJson("/api/enterprise-accounts", "clerk", "demo",
        Map.of("creditCode", CaseDriver.newCreditCode()));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("message").asText()).contains("企业须先提交过申请");
    assertThat(http.postJson("/api/enterprise-accounts", "expert", "demo",
        Map.of("creditCode", applicant.creditCode())).status()).isEqualTo(403);

    TestHttp.Response reset = http.postJson("/api/enterprise-accounts/" + applicant.creditCode() + "/password-reset",
        "clerk2", "demo", Map.of());
    assertThat(reset.status()).isEqualTo(200);
    String newPassword = reset.json().path("initialPassword").asText();
    assertThat(http.get("/api/portal/applications", applicant.creditCode(), newPassword).status()).isEqualTo(200);
    // (a failed login delays the next attempts of the account: the engine's brute-force protection)
    assertThat(http.get("/api/portal/applications", applicant.creditCode(), applicant.password()).status()).isEqualTo(401);
  }

  @Test
  void anEnterpriseSeesItsOwnCasesAndNothingElse() {
    Applicant mine = applicant();
    Applicant other = applicant();

    JsonNode cases = http.get("/api/portal/applications", mine.creditCode(), mine.password()).json();
    assertThat(cases.findValuesAsText("applicationId")).containsExactly(String.valueOf(mine.applicationId()));
    assertThat(cases.get(0).path("licenceTypeName").asText()).isEqualTo("危险化学品安全使用许可证");
    assertThat(cases.toString()).as("no staff ids go out").doesNotContain("\"recordedBy\"", "\"issuedBy\"");

    assertThat(http.get("/api/portal/applications/" + other.applicationId(), mine.creditCode(), mine.password())
        .status()).isEqualTo(404);
    assertThat(http.postFile("/api/portal/applications/" + other.applicationId() + "/materials/APPLICATION_FORM/documents",
        mine.creditCode(), mine.password(), "file", "a.pdf", PDF, true).status()).isEqualTo(404);
    TestHttp.Response stored = http.postFile("/api/portal/applications/" + other.applicationId()
        + "/materials/APPLICATION_FORM/documents", other.creditCode(), other.password(), "file", "a.pdf", PDF, true);
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    assertThat(stored.body()).doesNotContain("storageName", "uploadedBy");
    long othersDocument = stored.json().path("id").asLong();
    assertThat(http.get("/api/portal/documents/" + othersDocument, mine.creditCode(), mine.password()).status())
        .isEqualTo(404);
    assertThat(http.get("/api/portal/documents/" + othersDocument, other.creditCode(), other.password()).status())
        .isEqualTo(200);
    long othersNotice = jdbc.sql("select min(id) from case_notice where application_id = ?")
        .param(other.applicationId()).query(Long.class).optional().orElse(0L);
    if (othersNotice > 0) {
      assertThat(http.get("/api/portal/notices/" + othersNotice + "/pdf", mine.creditCode(), mine.password()).status())
          .isEqualTo(404);
    }
  }

  @Test
  void enterpriseAccountsStayOutOfTheStaffApiAndTheEngineAndStaffStayOutOfThePortal() {
    Applicant applicant = applicant();
    TestHttp.Response staffApi = http.get("/api/applications/" + applicant.applicationId(),
        applicant.creditCode(), applicant.password());
    assertThat(staffApi.status()).isEqualTo(403);
    assertThat(staffApi.json().path("message").asText()).contains("企业服务平台");
    assertThat(http.get("/engine-rest/task", applicant.creditCode(), applicant.password()).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/user", applicant.creditCode(), applicant.password()).status()).isEqualTo(401);
    assertThat(http.get("/api/portal/applications", "clerk", "demo").status()).isEqualTo(403);
    assertThat(http.get("/api/portal/applications", null, null).json().path("message").asText()).contains("企业账号");
  }

  @Test
  void anEnterpriseChangesItsPasswordGivingTheCurrentOne() {
    Applicant applicant = applicant();
    String path = "/api/portal/password";
    TestHttp.Response weak = http.putJson(path, applicant.creditCode(), applicant.password(),
        Map.of("currentPassword", applicant.password(), "newPassword", "12345678"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().path("message").asText()).contains("同时包含字母和数字");
    assertThat(http.putJson(path, applicant.creditCode(), applicant.password(),
        Map.of("currentPassword", applicant.password(), "newPassword", "anquan2026")).status()).isEqualTo(204);
    assertThat(http.get("/api/portal/applications", applicant.creditCode(), "anquan2026").status()).isEqualTo(200);
    assertThat(http.get("/api/portal/applications", applicant.creditCode(), applicant.password()).status()).isEqualTo(401);
  }

  @Test
  void aWrongCurrentPasswordChangesNothing() {
    Applicant applicant = applicant();
    TestHttp.Response wrong = http.putJson("/api/portal/password", applicant.creditCode(), applicant.password(),
        Map.of("currentPassword", "wrong", "newPassword", "abc12345"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().path("message").asText()).isEqualTo("当前密码不正确");
    assertThat(http.get("/api/portal/applications", applicant.creditCode(), "abc12345").status()).isEqualTo(401);
  }
}
