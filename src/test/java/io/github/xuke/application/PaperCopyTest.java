package io.github.xuke.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Paper copies by EMS: posted, received, compared with the upload; a mismatch needs a remark. */
@XukeTest
class PaperCopyTest {

  @LocalServerPort int port;

  @Test
  void theClerkRecordsTheTrackingNumberTheReceiptAndTheComparison() {
    TestHttp http = new TestHttp(port);
    long id = http.postJson("/api/applications", "clerk", "demo",
        CaseDriver.apiApplication(CaseDriver.newCreditCode())).json().path("applicationId").asLong();

    TestHttp.Response posted = http.postJson("/api/applications/" + id + "/materials/SAFETY_ASSESSMENT_REPORT/paper-copies",
        "clerk", "demo", Map.of("trackingNumber", "EMS1122334455"));
    assertThat(posted.status()).isEqualTo(201);
    long copy = posted.json().path("id").asLong();
    assertThat(http.postJson("/api/applications/" + id + "/materials/SAFETY_ASSESSMENT_REPORT/paper-copies",
        "clerk", "demo", Map.of("trackingNumber", " ")).status()).isEqualTo(400);

    Map<String, Object> mismatch = new HashMap<>();
    mismatch.put("matchesUpload", false);
    TestHttp.Response noRemark = http.postJson("/api/applications/" + id + "/paper-copies/" + copy + "/received",
        "clerk", "demo", mismatch);
    assertThat(noRemark.status()).isEqualTo(400);
    assertThat(noRemark.json().path("message").asText()).contains("须说明差异");

    mismatch.put("remark", "纸质件缺少第12页签章");
    JsonNode received = http.postJson("/api/applications/" + id + "/paper-copies/" + copy + "/received",
        "clerk2", "demo", mismatch).json();
    assertThat(received.path("receivedBy").asText()).isEqualTo("clerk2");
    assertThat(received.path("matchesUpload").asBoolean()).isFalse();
    assertThat(http.get("/api/applications/" + id + "/paper-copies", "officer", "demo").json()
        .findValuesAsText("trackingNumber")).containsExactly("EMS1122334455");
    assertThat(http.postJson("/api/applications/" + (id + 100000) + "/paper-copies/" + copy + "/received",
        "clerk", "demo", Map.of("matchesUpload", true)).status()).isEqualTo(404);
  }
}
