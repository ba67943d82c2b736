package io.github.xuke.casefile;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.ExpertDraws;
import io.github.xuke.expert.process.ExpertReviewProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case file (案卷) beside a task, read over HTTP as each member of staff reads it in Tasklist:
 * what each sees, in Chinese, with working links — and what each does not see.
 */
@XukeTest
class CaseFileTest {

  static final String LICENCE_TYPE = "HAZCHEM_OPERATION_STORAGE";
  static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired ProcessEngine engine;
  @Autowired ExpertDraws draws;
  @LocalServerPort int port;
  TestHttp http;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    driver = new CaseDriver(engine);
  }

  @Test
  void theWindowReadsTheAcceptedCaseBesideItsTaskWithoutThePanel() {
    // received with one non-key material missing: accepted with tolerance, the one-time notice issued
    List<String> materials = new ArrayList<>(driver.completeMaterials(LICENCE_TYPE));
    materials.remove("EMERGENCY_PLAN");
    ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(), LICENCE_TYPE, materials));
    long id = driver.applicationId(instance);
    http.postFile("/api/applications/" + id + "/materials/APPLICATION_FORM/documents", "clerk", "demo", "file",
        "申请书.pdf", PDF, true);
    driver.accept(instance);
    Task invitation = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION).get(0);

    JsonNode file = http.get("/api/tasks/" + invitation.getId() + "/case-file", "clerk", "demo").json();
    assertThat(file.path("applicationId").asLong()).isEqualTo(id);
    JsonNode summary = file.path("summary");
    assertThat(summary.path("caseNumber").asText()).isEqualTo(CASE_NUMBER.from(engine.getRuntimeService()
        .getVariables(instance.getId())));
    assertThat(summary.path("statusText").asText()).isEqualTo("已受理，办理中");
    assertThat(summary.path("licenceTypeName").asText()).isNotBlank().doesNotContain("HAZCHEM");
    assertThat(summary.path("receivedBy").asText()).as("a name, not the user id").isNotEqualTo("clerk").isNotBlank();
    assertThat(file.path("enterprise").path("name").asText())
        .isEqualTo(http.get("/api/applications/" + id, "clerk", "demo").json().path("enterpriseName").asText());

    JsonNode application = material(file, "申请书");
    assertThat(application.path("documents")).hasSize(1);
    JsonNode document = application.path("documents").get(0);
    assertThat(document.path("typeText").asText()).isEqualTo("PDF 文件");
    assertThat(document.path("viewUrl").asText()).endsWith("?view=true");
    TestHttp.Response shown = http.get(document.path("viewUrl").asText(), "clerk", "demo");
    assertThat(shown.status()).isEqualTo(200);
    assertThat(http.headers(document.path("viewUrl").asText(), "clerk", "demo").firstValue("Content-Disposition"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("inline"));
    assertThat(http.headers(document.path("url").asText(), "clerk", "demo").firstValue("Content-Disposition"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("attachment"));
    List<String> states = new ArrayList<>();
    file.path("materials").forEach(item -> states.add(item.path("stateText").asText()));
    assertThat(states).as("every state in Chinese").allSatisfy(state -> assertThat(state).doesNotContainPattern("[A-Z_]{4,}"));

    List<String> notices = new ArrayList<>();
    file.path("notices").forEach(notice -> {
      notices.add(notice.path("title").asText());
      assertThat(http.get(notice.path("pdfUrl").asText(), "clerk", "demo").status()).isEqualTo(200);
    });
    assertThat(notices).contains("一次性告知书");
    List<String> running = new ArrayList<>();
    file.path("clocks").forEach(clock -> {
      if (clock.path("stateText").asText().equals("计时中")) {
        running.add(clock.path("label").asText() + "：" + clock.path("remainingText").asText());
      }
    });
    assertThat(running).as("the running clocks with the working days left").isNotEmpty()
        .allSatisfy(clock -> assertThat(clock).matches(".+：剩余 \\d+ (个工作日|日)(（今日到期）)?"));
    assertThat(texts(file.path("history"), "what")).contains("收件", "受理");
    assertThat(file.path("experts").isNull()).as("the window does not see the panel").isTrue();
    assertThat(file.path("inspections").isNull()).as("nor the inspection").isTrue();
    assertThat(file.path("actions").path("openPortalAccount").asBoolean()).isTrue();
    assertThat(file.path("archive").isNull()).as("not archived yet").isTrue();
    assertThat(file.path("actions").path("uploadMaterials").asBoolean()).isTrue();
    assertThat(file.toString()).as("no user ids where a name exists").doesNotContain("\"clerk\"");

    JsonNode officers = http.get("/api/applications/" + id + "/case-file", "officer", "demo").json();
    assertThat(officers.path("experts").path("panel")).hasSize(draws.panel(id).size());
    assertThat(officers.path("experts").path("panel").get(0).path("stateText").asText()).isEqualTo("已邀请，待确认");
    assertThat(officers.path("experts").path("draws").get(0).path("purposeText").asText()).isEqualTo("抽取评审专家组");
    assertThat(http.get(officers.path("experts").path("draws").get(0).path("verificationUrl").asText(), "officer", "demo")
        .status()).isEqualTo(200);
    assertThat(officers.path("actions").path("openPortalAccount").asBoolean()).as("only the window opens accounts").isFalse();
  }

  @Test
  void anExpertReadsOnlyTheCaseOfTheirOwnTaskAndNeverThePanel() {
    ProcessInstance instance = driver.acceptedCase(LICENCE_TYPE);
    Task invitation = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION).get(0);
    String expert = invitation.getAssignee();
    JsonNode own = http.get("/api/tasks/" + invitation.getId() + "/case-file", expert, "demo").json();
    assertThat(own.path("summary").path("caseNumber").asText()).isNotBlank();
    assertThat(own.path("experts").isNull()).isTrue();

    ProcessInstance other;
    do {
      other = driver.acceptedCase(LICENCE_TYPE);
    } while (draws.panelUsers(driver.applicationId(other)).contains(expert));
    Task foreign = driver.caseTasks(other, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION).get(0);
    assertThat(http.get("/api/tasks/" + foreign.getId() + "/case-file", expert, "demo").status()).isEqualTo(403);
    assertThat(http.get("/api/applications/" + driver.applicationId(other) + "/case-file", expert, "demo").status())
        .isEqualTo(403);
    assertThat(http.get("/api/tasks/no-such-task/case-file", "clerk", "demo").status()).isEqualTo(404);
    assertThat(http.get("/api/applications/99999999/case-file", "clerk", "demo").status()).isEqualTo(404);
  }

  @Test
  void aDeliveredCaseShowsItsLicenceInspectionWhoDidWhatAndItsArchive() {
    ProcessInstance instance = driver.acceptedCase(LICENCE_TYPE);
    long id = driver.applicationId(instance);
    driver.expertReview(instance, "PASS");
    driver.inspect(instance, LicenceApplicationProcess.Values.INSPECTION_PASS, "现场条件符合要求", List.of());
    driver.complete(instance, TASK_REVIEW_CASE, "officer", CaseDriver.form()
        .putValue(REVIEW_RECOMMENDATION.name(), LicenceApplicationProcess.Values.APPROVE)
        .putValue(REVIEW_OPINION.name(), "建议准予许可"));
    driver.complete(instance, TASK_APPROVE_LICENCE, "chief", CaseDriver.form()
        .putValue(APPROVAL_DECISION.name(), LicenceApplicationProcess.Values.APPROVE));
    driver.complete(instance, TASK_SIGN_ONLINE, "deputy", CaseDriver.form()
        .putValue(SIGNATURE_CONFIRMED.name(), true).putValue(SIGNATURE_REMARK.name(), "同意"));
    driver.complete(instance, TASK_DELIVER_LICENCE, "clerk", CaseDriver.form()
        .putValue(DELIVERY_METHOD.name(), "COURIER").putValue(TRACKING_NUMBER.name(), "EMS1029384756"));

    JsonNode file = http.get("/api/applications/" + id + "/case-file", "chief", "demo").json();
    assertThat(file.path("summary").path("statusText").asText()).startsWith("已办结");
    assertThat(file.path("summary").path("decisionText").asText()).isEqualTo("准予许可");
    assertThat(file.path("summary").path("deliveryText").asText()).isEqualTo("免费邮寄，运单号 EMS1029384756");
    assertThat(file.path("licence").path("licenceNumber").asText()).isNotBlank();
    assertThat(http.get(file.path("licence").path("pdfUrl").asText(), "chief", "demo").status()).isEqualTo(200);
    assertThat(file.path("licence").path("signedBy").asText()).as("先批后签: the deputy's signature").isNotBlank();
    assertThat(http.get(file.path("licence").path("firstIssuePdfUrl").asText(), "chief", "demo").status()).isEqualTo(200);
    assertThat(http.get(file.path("archive").path("indexPdfUrl").asText(), "chief", "demo").status()).isEqualTo(200);
    List<String> signed = new ArrayList<>();
    file.path("notices").forEach(notice -> {
      if (!notice.path("signedAt").isNull()) {
        signed.add(notice.path("title").asText());
      }
    });
    assertThat(signed).as("the decision re-issued signed").anyMatch(title -> title.contains("准予"));
    JsonNode inspection = file.path("inspections").get(0);
    assertThat(inspection.path("stateText").asText()).isEqualTo("已核查");
    assertThat(inspection.path("resultText").asText()).isEqualTo("符合条件");
    assertThat(inspection.path("evidence").get(0).path("document").path("typeText").asText()).isEqualTo("照片");
    assertThat(inspection.path("evidence").get(0).path("device").asText()).isEqualTo("执法记录仪 01");
    assertThat(texts(file.path("experts").path("panel"), "conclusionText")).containsOnly("技术材料符合要求");
    List<String> history = texts(file.path("history"), "what");
    assertThat(history).contains("收件", "受理", "作出许可决定：准予许可", "办结", "归档");
    assertThat(history).anyMatch(step -> step.startsWith("完成：") && step.contains("网签"));
    assertThat(history).noneMatch(step -> step.startsWith("办理中"));
    assertThat(file.path("actions").path("uploadMaterials").asBoolean()).as("a closed case takes no materials").isFalse();
    JsonNode archive = file.path("archive");
    assertThat(archive.path("archiveNumber").asText()).contains("许档");
    assertThat(archive.path("archivedBy").asText()).isNotBlank();
    assertThat(texts(archive.path("index"), "title")).as("the file's index").isNotEmpty()
        .anyMatch(title -> title.contains("准予"));
    assertThat(archive.path("index").get(0).path("sequence").asInt()).isEqualTo(1);
  }

  private static JsonNode material(JsonNode file, String name) {
    for (JsonNode item : file.path("materials")) {
      if (item.path("name").asText().contains(name)) {
        return item;
      }
    }
    throw new AssertionError("no material " + name + " in " + file.path("materials"));
  }

  private static List<String> texts(JsonNode rows, String field) {
    List<String> texts = new ArrayList<>();
    rows.forEach(row -> texts.add(row.path(field).asText()));
    return texts;
  }
}
