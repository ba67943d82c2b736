package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.SessionHttp;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change to the app's API made with the webapps' session must carry the session's CSRF token, as
 * the webapps' own calls do; HTTP Basic needs none; no other site's page can change anything.
 */
@XukeTest
class CsrfTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private long enterprisesWith(String creditCode) {
    return jdbc.sql("select count(*) from enterprise where credit_code = ?").param(creditCode).query(Long.class).single();
  }

  @Test
  void aWebappSessionChangesNothingWithoutItsToken() {
    SessionHttp browser = new SessionHttp(port);
    String token = browser.logInToWebapps("clerk", "demo");
    assertThat(browser.get("/api/applications/0").status()).as("reading needs no token").isEqualTo(404);

    String creditCode = CaseDriver.newCreditCode();
    Map<String, Object> application = CaseDriver.apiApplication(creditCode);
    SessionHttp.Response without = browser.send("POST", "/api/applications", application);
    assertThat(without.status()).isEqualTo(403);
    assertThat(without.json().path("code").asText()).isEqualTo("CSRF_TOKEN");
    assertThat(without.json().path("message").asText()).contains("刷新页面");
    SessionHttp.Response wrong = browser.send("POST", "/api/applications", application,
        "X-XSRF-TOKEN", token.substring(1) + "0");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(enterprisesWith(creditCode)).isZero();

    SessionHttp.Response with = browser.send("POST", "/api/applications", application, "X-XSRF-TOKEN", token);
    assertThat(with.status()).as(with.body()).isEqualTo(201);
    assertThat(enterprisesWith(creditCode)).isOne();
  }

  @Test
  void httpBasicNeedsNoTokenAndThePublicPrecheckNeither() {
    String creditCode = CaseDriver.newCreditCode();
    assertThat(new TestHttp(port).postJson("/api/applications", "clerk", "demo",
        CaseDriver.apiApplication(creditCode)).status()).isEqualTo(201);

    SessionHttp browser = new SessionHttp(port);
    browser.logInToWebapps("clerk", "demo");
    assertThat(browser.send("POST", "/api/precheck",
        Map.of("licenceType", "HAZCHEM_SAFE_USE", "materials", List.of("APPLICATION_FORM"))).status()).isEqualTo(200);
  }

  @Test
  void noOtherSitesPageChangesAnythingWhateverItsCredentials() {
    String creditCode = CaseDriver.newCreditCode();
    String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("clerk:demo".getBytes());
    SessionHttp.Response response = new SessionHttp(port).send("POST", "/api/applications",
        CaseDriver.apiApplication(creditCode), "Authorization", basic, "Sec-Fetch-Site", "cross-site");
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().path("message").asText()).contains("其他网站");
    assertThat(enterprisesWith(creditCode)).isZero();
    assertThat(new SessionHttp(port).get("/api/applications/0", "Authorization", basic, "Sec-Fetch-Site", "cross-site")
        .status()).as("a link from another site still opens").isEqualTo(404);
  }
}
