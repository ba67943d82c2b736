package io.github.xuke.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.SessionHttp;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.system.StaffGroup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
  @Autowired IdentityService identityService;
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
  void theWindowPrintsTheInitialPasswordOnTheAccountLetterAndTheEnterpriseLogsInWithIt() throws Exception {
    String creditCode = CaseDriver.newCreditCode();
    http.postJson("/api/applications", "clerk", "demo", CaseDriver.apiApplication(creditCode));
    java.net.http.HttpResponse<byte[]> letter = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/enterprise-accounts"))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("clerk:demo".getBytes()))
            .header("Accept", "application/pdf").header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"creditCode\":\"" + creditCode + "\"}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(letter.statusCode()).isEqualTo(201);
    assertThat(letter.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(letter.headers().firstValue("Cache-Control")).hasValue("no-store");
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(letter.body())) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
    }
    assertThat(text).contains("企业服务平台开户通知书", "上海安泰化工有限公司", creditCode, "首次登录后请立即修改密码",
        "/portal/");
    java.util.regex.Matcher password = java.util.regex.Pattern.compile("初始密码：?([0-9A-Za-z]{12})").matcher(text);
    assertThat(password.find()).as(text).isTrue();
    assertThat(http.get("/api/portal/applications", creditCode, password.group(1)).status())
        .as("the password on the letter opens the portal").isEqualTo(200);
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

  @Test
  void aPortalLoginIsASessionAndThePasswordIsNotNeededAgain() {
    Applicant applicant = applicant();
    SessionHttp browser = new SessionHttp(port);
    browser.get("/camunda/app/tasklist/default/");
    String sessionBefore = browser.cookie("JSESSIONID").orElseThrow();

    SessionHttp.Response login = browser.send("POST", "/api/portal/session",
        Map.of("creditCode", applicant.creditCode().toLowerCase(), "password", applicant.password()));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().path("userId").asText()).isEqualTo(applicant.creditCode());
    assertThat(login.json().path("enterpriseName").asText()).isEqualTo("上海安泰化工有限公司");
    String token = login.json().path("csrfToken").asText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(40);
    assertThat(login.body()).doesNotContain(applicant.password());
    assertThat(login.headers("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
        .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    String sessionAfter = browser.cookie("JSESSIONID").orElseThrow();
    assertThat(sessionAfter).as("a new session id at login").isNotEqualTo(sessionBefore);
    assertThat(new SessionHttp(port).get("/api/portal/applications", "Cookie", "JSESSIONID=" + sessionBefore)
        .status()).as("the id from before the login is worthless").isEqualTo(401);

    assertThat(browser.get("/api/portal/applications").json().findValuesAsText("applicationId"))
        .containsExactly(String.valueOf(applicant.applicationId()));
    assertThat(browser.get("/api/portal/session").json().path("csrfToken").asText()).isEqualTo(token);
    assertThat(browser.get("/api/applications/" + applicant.applicationId()).status())
        .as("the portal login opens nothing outside the portal").isEqualTo(401);

    Map<String, String> change = Map.of("currentPassword", applicant.password(), "newPassword", "anquan2027");
    SessionHttp.Response withoutToken = browser.send("PUT", "/api/portal/password", change);
    assertThat(withoutToken.status()).isEqualTo(403);
    assertThat(withoutToken.json().path("message").asText()).contains("X-XSRF-TOKEN");
    String wrongToken = (token.charAt(0) == '0' ? "1" : "0") + token.substring(1);
    assertThat(browser.send("PUT", "/api/portal/password", change, "X-XSRF-TOKEN", wrongToken).status())
        .as("a token one character off").isEqualTo(403);
    assertThat(browser.send("PUT", "/api/portal/password", change, "X-XSRF-TOKEN", token).status()).isEqualTo(204);

    assertThat(browser.send("DELETE", "/api/portal/session", null).status()).as("logout needs the token too")
        .isEqualTo(403);
    assertThat(browser.send("DELETE", "/api/portal/session", null, "X-XSRF-TOKEN", token).status()).isEqualTo(204);
    assertThat(browser.get("/api/portal/applications").status()).isEqualTo(401);
    assertThat(browser.get("/api/portal/session").json().path("loggedIn").asBoolean()).isFalse();
    assertThat(http.get("/api/portal/applications", applicant.creditCode(), "anquan2027").status())
        .as("HTTP Basic stays for API clients").isEqualTo(200);
  }

  @Test
  void aWrongPortalLoginIsRefusedAndStaffCannotLogIn() {
    Applicant applicant = applicant();
    SessionHttp browser = new SessionHttp(port);
    for (String creditCode : List.of(applicant.creditCode(), CaseDriver.newCreditCode())) {
      SessionHttp.Response wrong = browser.send("POST", "/api/portal/session",
          Map.of("creditCode", creditCode, "password", "wrong-password1"));
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.json().path("message").asText()).isEqualTo("统一社会信用代码或密码不正确（连续输错后须稍候再试）");
      assertThat(wrong.header("WWW-Authenticate")).as("no browser login dialog").isEmpty();
    }
    assertThat(browser.cookie("JSESSIONID")).as("no session for a failed login").isEmpty();

    // a staff account (ids of staff are not credit codes; this one is written like one)
    String staffId = "STAFF" + applicant.applicationId();
    User user = identityService.newUser(staffId);
    user.setPassword("demo-2026");
    identityService.saveUser(user);
    identityService.createMembership(staffId, StaffGroup.WINDOW_CLERK.id());
    SessionHttp.Response staff = browser.send("POST", "/api/portal/session",
        Map.of("creditCode", staffId, "password", "demo-2026"));
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.json().path("message").asText()).contains("仅限企业账号");
    assertThat(browser.get("/api/portal/applications").status()).isEqualTo(401);
  }
}
