package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request whose body the application never reads is answered as the application answered it —
 * found by {@code ApiFuzzTest}: a portal logout (204, no body) sent with a CSV or multipart body was
 * turned into a bare 500 by Tomcat when the valve closed the connection instead of reading the rest.
 */
@XukeTest
class UnreadBodyTest {

  @LocalServerPort int port;

  @Test
  void aBodilessAnswerToARequestWithAnUnreadBodyStaysTheApplicationsAnswer() {
    TestHttp http = new TestHttp(port);
    String creditCode = CaseDriver.newCreditCode();
    http.postJson("/api/applications", "clerk", "demo", CaseDriver.apiApplication(creditCode));
    String password = http.postJson("/api/enterprise-accounts", "clerk", "demo", Map.of("creditCode", creditCode))
        .json().path("initialPassword").asText();
    for (String type : new String[] {"text/csv", "multipart/form-data; boundary=xuke", "application/octet-stream",
        "application/json"}) {
      TestHttp.Response response = http.send("DELETE", "/api/portal/session", creditCode, password, type,
          "{ 本次请求的内容不会被读取".getBytes(StandardCharsets.UTF_8));
      assertThat(response.status()).as(type).isEqualTo(204);
    }
  }
}
