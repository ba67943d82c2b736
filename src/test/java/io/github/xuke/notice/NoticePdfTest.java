package io.github.xuke.notice;

import io.github.xuke.notice.Notices;
import io.github.xuke.notice.CaseNotice;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Notices print as PDF whose extracted text holds the Chinese item names and the notice number. */
@XukeTest
class NoticePdfTest {

  @LocalServerPort int port;
  @Autowired Notices notices;

  @Test
  void theCorrectionNoticePrintsEveryMissingItemInChinese() throws Exception {
    TestHttp http = new TestHttp(port);
    Map<String, Object> application = CaseDriver.apiApplication(CaseDriver.newCreditCode());
    application.put("materials", List.of("APPLICATION_FORM", "BUSINESS_LICENCE"));
    var created = http.postJson("/api/applications", "clerk", "demo", application).json();
    long id = created.path("applicationId").asLong();
    String instance = created.path("processInstanceId").asText();
    submit(http, instance, "Task_AcceptApplication", Map.of("acceptanceDecision", Map.of("value", "CORRECTION", "type", "String")));
    submit(http, instance, "Task_IssueCorrectionNotice", Map.of());

    CaseNotice correction = notices.ofCase(id).stream()
        .filter(notice -> notice.kind() == CaseNotice.NoticeKind.CORRECTION).findFirst().orElseThrow();
    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/notices/" + correction.id() + "/pdf"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:demo".getBytes())).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("补正材料通知书", correction.noticeNumber(), "安全评价报告",
          "建设项目安全设施竣工验收报告", "使用的危险化学品品种、数量清单", "市应急管理局");
    }
  }

  /** Claims the case's open task of this kind (in its own process instance) as the clerk and submits the form, as Tasklist does. */
  private static void submit(TestHttp http, String processInstanceId, String taskKey, Map<String, Object> variables) {
    String task = http.get("/engine-rest/task?taskDefinitionKey=" + taskKey + "&processInstanceId=" + processInstanceId
            + "&maxResults=2", "clerk", "demo")
        .json().findValuesAsText("id").stream().findFirst().orElseThrow();
    http.postJson("/engine-rest/task/" + task + "/claim", "clerk", "demo", Map.of("userId", "clerk"));
    assertThat(http.postJson("/engine-rest/task/" + task + "/submit-form", "clerk", "demo",
        Map.of("variables", variables)).status()).isEqualTo(204);
  }
}
