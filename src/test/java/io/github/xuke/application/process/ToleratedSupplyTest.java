package io.github.xuke.application.process;

import static io.github.xuke.application.process.CaseDriver.form;
import static io.github.xuke.application.process.CaseDriver.row;
import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.application.ApplicationStatus;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.CaseNotice.NoticeKind;
import io.github.xuke.notice.Notices;
import io.github.xuke.application.MaterialItem;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.application.MaterialSupply;
import io.github.xuke.notice.NoticePdf;
import io.github.xuke.clock.CaseClocks;
import io.github.xuke.clock.ClockKind;
import io.github.xuke.clock.ClockState;
import io.github.xuke.licence.LicenceService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 容缺受理 end to end, on the engine clock: two non-key items missing, accepted the same day with one
 * notice naming both; one supplied online by the enterprise through the portal, one collected at
 * the inspection; every supply re-checked by the clerk; the licence approved at once and delivered
 * only when the last item is in. And every other channel the one-time notice offers.
 */
@XukeTest
class ToleratedSupplyTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PDF_AGAIN = "%PDF-1.7\n% 第二版\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationRepository applications;
  @Autowired io.github.xuke.application.MaterialSupplies supplies;
  @Autowired MaterialItemRepository materials;
  @Autowired Notices notices;
  @Autowired LicenceService licences;
  @Autowired CaseClocks clocks;
  @Autowired NoticePdf noticePdf;
  @Autowired io.github.xuke.application.ArchiveService archive;
  TestHttp http;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    driver = new CaseDriver(engine);
    at("2026-06-01T09:30"); // a Monday
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void twoItemsMissingAreSuppliedOnlineAndOnSiteAndTheLicenceIsPostedWhenTheLastIsIn() throws Exception {
    String creditCode = CaseDriver.newCreditCode();
    List<String> handedIn = driver.completeMaterials("HAZCHEM_SAFE_USE").stream()
        .filter(code -> !code.equals("SAFETY_RULES") && !code.equals("EMERGENCY_PLAN")).toList();
    ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(creditCode, "HAZCHEM_SAFE_USE", handedIn));
    long id = driver.applicationId(instance);

    // accepted the same day, with one notice naming both items
    driver.accept(instance);
    assertThat(applications.get(id).acceptedAt().atZoneSameInstant(SHANGHAI).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 6, 1));
    CaseNotice oneTime = notices.ofCase(id).stream()
        .filter(notice -> notice.kind() == NoticeKind.ONE_TIME).collect(onlyOne());
    try (PDDocument pdf = Loader.loadPDF(noticePdf.render(oneTime, "市应急管理局"))) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("一次性告知书",
          "安全生产规章制度和岗位操作规程目录", "生产安全事故应急预案及备案证明", "网上提交", "邮寄", "现场核查", "领取许可证");
    }

    // the window opens the enterprise's portal account; the enterprise uploads one item online
    TestHttp.Response opened = http.postJson("/api/enterprise-accounts", "clerk", "demo", Map.of("creditCode", creditCode));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String password = opened.json().path("initialPassword").asText();
    TestHttp.Response portalView = http.get("/api/portal/applications/" + id, creditCode, password);
    assertThat(portalView.status()).as(portalView.body()).isEqualTo(200);
    JsonNode mine = portalView.json();
    assertThat(mine.path("materials").findValuesAsText("materialCode")).contains("EMERGENCY_PLAN");
    TestHttp.Response uploaded = http.postFile("/api/portal/applications/" + id + "/materials/EMERGENCY_PLAN/documents",
        creditCode, password, "file", "应急预案.pdf", PDF, true);
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    assertThat(item(id, "EMERGENCY_PLAN").status()).isEqualTo(MaterialStatus.AWAITING_CHECK);
    assertThat(supplyRow(instance, "EMERGENCY_PLAN").path("channel").asText())
        .as("the clerk's list shows the upload at once").isEqualTo("ONLINE");

    // the inspector collects the other on site
    driver.expertReview(instance, "PASS");
    driver.inspect(instance, "PASS", "现场符合要求", List.of("SAFETY_RULES"));
    assertThat(item(id, "SAFETY_RULES").status()).isEqualTo(MaterialStatus.AWAITING_CHECK);
    assertThat(item(id, "SAFETY_RULES").supplyChannel()).hasToString("ON_SITE");

    // the licence is approved at once, while items are still being checked
    driver.complete(instance, TASK_REVIEW_CASE, "officer", form()
        .putValue(REVIEW_RECOMMENDATION.name(), "APPROVE").putValue(REVIEW_OPINION.name(), "建议准予许可"));
    driver.complete(instance, TASK_APPROVE_LICENCE, "chief", form().putValue(APPROVAL_DECISION.name(), "APPROVE"));
    driver.complete(instance, TASK_SIGN_ONLINE, "deputy", form().putValue(SIGNATURE_CONFIRMED.name(), true));
    assertThat(licences.ofCase(id)).isPresent();
    assertThat(driver.task(instance, TASK_DELIVER_LICENCE)).isNull();

    // the clerk re-checks both: the online one is fine, the one from the site is not
    driver.supply(instance, "clerk", Map.of(
        "EMERGENCY_PLAN", row("result", "ACCEPTED"),
        "SAFETY_RULES", row("result", "DEFECTIVE", "reason", "缺少岗位操作规程")));
    assertThat(item(id, "EMERGENCY_PLAN").status()).isEqualTo(MaterialStatus.SUPPLIED);
    assertThat(item(id, "SAFETY_RULES").stateText()).isEqualTo("不合格：缺少岗位操作规程");
    assertThat(driver.task(instance, TASK_DELIVER_LICENCE)).as("still one item to come").isNull();
    JsonNode seen = http.get("/api/portal/applications/" + id, creditCode, password).json();
    assertThat(seen.path("materials").toString()).contains("不合格：缺少岗位操作规程");

    // the enterprise sends it again online; accepted on re-check; the licence goes out by post, free
    assertThat(http.postFile("/api/portal/applications/" + id + "/materials/SAFETY_RULES/documents",
        creditCode, password, "file", "规章制度.pdf", PDF_AGAIN, true).status()).isEqualTo(201);
    driver.supply(instance, "clerk2", Map.of("SAFETY_RULES", row("result", "ACCEPTED")));
    assertThat(clocks.ofCase(id)).filteredOn(clock -> clock.kind() == ClockKind.TOLERATED_SUPPLY)
        .singleElement().satisfies(clock -> assertThat(clock.state()).isEqualTo(ClockState.MET));
    driver.complete(instance, TASK_DELIVER_LICENCE, "clerk", form()
        .putValue(DELIVERY_METHOD.name(), "COURIER").putValue(TRACKING_NUMBER.name(), "EMS1122334455"));
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_CASE_ARCHIVED);
    assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.ARCHIVED);

    // every supply on record with its re-check; every document downloads with its hash
    assertThat(supplies.supplies(id)).extracting(supply -> materialCode(id, supply) + "/"
            + supply.channel() + "/" + supply.checkResult() + "/" + supply.checkedBy())
        .containsExactly("EMERGENCY_PLAN/ONLINE/ACCEPTED/clerk", "SAFETY_RULES/ON_SITE/DEFECTIVE/clerk",
            "SAFETY_RULES/ONLINE/ACCEPTED/clerk2");
    assertThat(supplies.supplies(id).get(0).documentId()).isNotNull();
    assertThat(archive.find(id)).get().asString().as("the archive keeps every supply and document")
        .contains("\"checkReason\":\"缺少岗位操作规程\"", "\"channel\":\"ON_SITE\"", "应急预案.pdf", "规章制度.pdf");
    JsonNode documents = http.get("/api/applications/" + id + "/documents", "clerk", "demo").json();
    assertThat(documents).as("two supplies and the inspection's photo").hasSize(3);
    for (JsonNode document : documents) {
      HttpResponse<byte[]> staff = download("/api/documents/" + document.path("id").asText(), "clerk", "demo");
      assertThat(sha256(staff.body())).isEqualTo(document.path("sha256").asText());
      if (!document.path("materialCode").isNull()) {
        HttpResponse<byte[]> own = download("/api/portal/documents/" + document.path("id").asText(), creditCode, password);
        assertThat(sha256(own.body())).isEqualTo(document.path("sha256").asText());
      } else {
        assertThat(download("/api/portal/documents/" + document.path("id").asText(), creditCode, password).statusCode())
            .as("the inspection's evidence is not the enterprise's to download").isEqualTo(404);
      }
    }
  }

  @Test
  void itemsAreSuppliedAtTheWindowByCourierAndAtPickupEachRecheckedByTheClerk() {
    List<String> handedIn = driver.completeMaterials("FIREWORKS_WHOLESALE").stream()
        .filter(code -> !List.of("SAFETY_RULES", "EMERGENCY_PLAN", "LIGHTNING_PROTECTION_REPORT").contains(code)).toList();
    ProcessInstance instance = driver.start("clerk",
        CaseDriver.intakeForm(CaseDriver.newCreditCode(), "FIREWORKS_WHOLESALE", handedIn));
    long id = driver.applicationId(instance);
    driver.accept(instance);

    // a courier without its tracking number is refused, and nothing of the form is recorded
    assertThatThrownBy(() -> driver.supply(instance, "clerk", Map.of(
        "SAFETY_RULES", row("result", "ACCEPTED", "channel", "WINDOW"),
        "EMERGENCY_PLAN", row("result", "ACCEPTED", "channel", "COURIER"))))
        .hasMessageContaining("邮寄补交，必须填写快递单号");
    assertThat(item(id, "SAFETY_RULES").status()).isEqualTo(MaterialStatus.TOLERATED);

    at("2026-06-02T10:00");
    driver.supply(instance, "clerk", Map.of(
        "SAFETY_RULES", row("result", "ACCEPTED", "channel", "WINDOW"),
        "EMERGENCY_PLAN", row("result", "ACCEPTED", "channel", "COURIER", "reference", "EMS9988776655")));
    assertThat(supplyRows(instance)).extracting(row -> row.path("materialCode").asText())
        .containsExactly("LIGHTNING_PROTECTION_REPORT");
    driver.supply(instance, "clerk2", Map.of("LIGHTNING_PROTECTION_REPORT",
        row("result", "ACCEPTED", "channel", "AT_PICKUP")));

    assertThat(materials.findByApplication(id)).filteredOn(item -> item.status() == MaterialStatus.SUPPLIED)
        .extracting(item -> item.materialCode() + "/" + item.supplyChannel() + "/" + item.supplyReference())
        .containsExactlyInAnyOrder("SAFETY_RULES/WINDOW/null", "EMERGENCY_PLAN/COURIER/EMS9988776655",
            "LIGHTNING_PROTECTION_REPORT/AT_PICKUP/null");
    assertThat(supplies.supplies(id)).allSatisfy(supply ->
        assertThat(supply.checkResult()).isEqualTo(MaterialSupply.CheckResult.ACCEPTED));
    BpmnAwareTests.assertThat(instance).isNotWaitingAt(TASK_RECORD_SUPPLIED_MATERIALS);
  }

  private MaterialItem item(long id, String code) {
    return materials.findByApplication(id).stream().filter(item -> item.materialCode().equals(code))
        .findFirst().orElseThrow();
  }

  private String materialCode(long id, MaterialSupply supply) {
    return materials.findByApplication(id).stream().filter(item -> item.id() == supply.materialItemId())
        .findFirst().orElseThrow().materialCode();
  }

  private List<JsonNode> supplyRows(ProcessInstance instance) {
    try {
      JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
          SUPPLY_REVIEW.from(engine.getRuntimeService().getVariables(instance.getId())).toString());
      List<JsonNode> list = new java.util.ArrayList<>();
      rows.forEach(list::add);
      return list;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode supplyRow(ProcessInstance instance, String code) {
    return supplyRows(instance).stream().filter(row -> row.path("materialCode").asText().equals(code))
        .findFirst().orElseThrow();
  }

  private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
    return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
      assertThat(list).hasSize(1);
      return list.get(0);
    });
  }

  private static String sha256(byte[] body) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
  }

  private HttpResponse<byte[]> download(String path, String user, String password) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
  }
}
