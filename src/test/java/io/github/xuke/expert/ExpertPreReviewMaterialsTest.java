package io.github.xuke.expert;

import static io.github.xuke.application.process.CaseDriver.form;
import static io.github.xuke.expert.process.ExpertReviewProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.Cases;
import io.github.xuke.application.MaterialItem;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.expert.process.ExpertReviewProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The expert pre-reviews only what the enterprise submitted: the form lists the submitted materials,
 * each with its documents to open, and names the tolerated items still missing (容缺待补) without
 * asking about them; the expert opens a document of the case and no other case's.
 */
@XukeTest
class ExpertPreReviewMaterialsTest {

  static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Cases cases;

  @Test
  void theFormListsTheSubmittedMaterialsWithTheirDocumentsAndOnlyNamesTheMissingOnes() throws Exception {
    CaseDriver driver = new CaseDriver(engine);
    TestHttp http = new TestHttp(port);
    @SuppressWarnings("unchecked")
    List<String> submitted = (List<String>) CaseDriver.apiApplication("").get("materials");
    ProcessInstance instance = driver.start("clerk",
        CaseDriver.intakeForm(CaseDriver.newCreditCode(), "HAZCHEM_SAFE_USE", submitted));
    long id = driver.applicationId(instance);
    JsonNode stored = http.postFile("/api/applications/" + id + "/materials/SAFETY_ASSESSMENT_REPORT/documents",
        "clerk", "demo", "file", "安全评价报告[终稿](v2).pdf", PDF, true).json();
    long document = stored.path("id").asLong();
    driver.accept(instance);
    List<MaterialItem> materials = cases.materials(id);
    List<String> tolerated = materials.stream().filter(item -> item.status() == MaterialStatus.TOLERATED)
        .map(MaterialItem::materialCode).toList();
    assertThat(tolerated).as("the case tolerates missing items").isNotEmpty();

    Task invitation = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION).get(0);
    String expert = invitation.getAssignee();
    driver.completeAssigned(invitation, form().putValue(PARTICIPATION_DECISION.name(), ExpertReviewProcess.Values.PARTICIPATE));
    Task review = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW).stream()
        .filter(task -> task.getAssignee().equals(expert)).findFirst().orElseThrow();

    JsonNode variables = http.get("/engine-rest/task/" + review.getId() + "/form-variables?deserializeValues=false",
        expert, "demo").json();
    JsonNode rows = new ObjectMapper().readTree(variables.path(PRE_REVIEW_FINDINGS.name()).path("value").asText());
    assertThat(rows.findValuesAsText("materialCode")).as("one row per submitted material, in the list's order")
        .containsExactlyElementsOf(materials.stream().filter(item -> item.status() == MaterialStatus.SUBMITTED)
            .map(MaterialItem::materialCode).toList())
        .doesNotContainAnyElementsOf(tolerated);
    String submittedText = variables.path(SUBMITTED_MATERIALS_TEXT.name()).path("value").asText();
    assertThat(submittedText).contains("安全评价报告：[安全评价报告\\[终稿\\]\\(v2\\)\\.pdf](/api/documents/" + document + ")");
    String outstandingText = variables.path(OUTSTANDING_MATERIALS_TEXT.name()).path("value").asText();
    for (MaterialItem item : materials) {
      if (tolerated.contains(item.materialCode())) {
        assertThat(outstandingText).contains(item.materialName() + "（容缺待补）");
        assertThat(submittedText).doesNotContain(item.materialName());
      }
    }

    TestHttp.Response opened = http.get("/api/documents/" + document, expert, "demo");
    assertThat(opened.status()).as("the drawn expert opens the case's document").isEqualTo(200);
    long otherCase = driver.applicationId(driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(),
        "HAZCHEM_SAFE_USE", submitted)));
    long otherDocument = http.postFile("/api/applications/" + otherCase + "/materials/SAFETY_ASSESSMENT_REPORT/documents",
        "clerk", "demo", "file", "别家的报告.pdf", PDF, true).json().path("id").asLong();
    assertThat(http.get("/api/documents/" + otherDocument, expert, "demo").status())
        .as("but not another case's").isEqualTo(403);

    // a finding on a missing item, sent past the form, is refused and changes nothing
    List<Map<String, String>> sent = new ArrayList<>();
    rows.forEach(row -> sent.add(Map.of("materialCode", row.path("materialCode").asText(),
        "materialName", row.path("materialName").asText(), "finding", "")));
    sent.add(Map.of("materialCode", tolerated.get(0), "materialName", "随便", "finding", "缺少签章"));
    TestHttp.Response refused = http.postJson("/engine-rest/task/" + review.getId() + "/submit-form", expert, "demo",
        Map.of("variables", Map.of(
            PRE_REVIEW_CONCLUSION.name(), Map.of("value", "PASS", "type", "String"),
            PRE_REVIEW_FINDINGS.name(), Map.of("value", new ObjectMapper().writeValueAsString(sent), "type", "Json"))));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    String name = materials.stream().filter(item -> item.materialCode().equals(tolerated.get(0))).findFirst()
        .orElseThrow().materialName();
    assertThat(refused.json().path("message").asText())
        .isEqualTo("“" + name + "”尚未提交（容缺待补），不在本次预审范围，请删除对它的预审意见");
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isOne();
  }
}
