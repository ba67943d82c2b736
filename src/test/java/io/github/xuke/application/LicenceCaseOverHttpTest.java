package io.github.xuke.application;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.H2Exceptions;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.expert.process.ExpertReviewProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One case from {@code POST /api/applications} to the archive, every task claimed and submitted
 * over the engine REST API by its own demo user, exactly as Tasklist does, with only the fields of
 * that task's Camunda Form.
 */
@XukeTest
class LicenceCaseOverHttpTest {

  @LocalServerPort int port;
  TestHttp http;

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-06-01T09:30").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCaseGoesFromTheApiToTheArchiveThroughTheForms() throws Exception {
    int exceptionsBefore = H2Exceptions.count();
    Map<String, Object> application = CaseDriver.apiApplication(CaseDriver.newCreditCode());
    application.put("licenceType", "FIREWORKS_WHOLESALE");
    application.put("materials", List.of("APPLICATION_FORM", "BUSINESS_LICENCE", "PRINCIPAL_QUALIFICATION",
        "SAFETY_RULES", "EMERGENCY_PLAN", "STORAGE_FACILITY_PROOF", "SAFETY_ASSESSMENT_REPORT",
        "COMPLETION_ACCEPTANCE_REPORT"));
    JsonNode started = http.postJson("/api/applications", "clerk", "demo", application).json();
    String instance = started.path("processInstanceId").asText();

    assertThat(openTasks("expert", instance)).as("an expert sees no window task").isEmpty();
    // the bureau's staff read the tasks of the case (as its file) but work only their group's
    assertThat(openTasks("officer", instance)).as("a case officer reads the window's task").hasSize(1);
    // the supervisors read every open task (Cockpit's task page and counts) but work none of them
    assertThat(openTasks("chief", instance)).as("the chief representative reads the window's task").hasSize(1);
    assertThat(openTasks("admin", instance)).as("the admin sees everything").hasSize(1);
    String acceptTask = taskId("clerk", instance, TASK_ACCEPT_APPLICATION);
    JsonNode columns = http.get("/engine-rest/variable-instance?taskIdIn=" + acceptTask + "&maxResults=10",
        "clerk", "demo").json();
    assertThat(columns.findValuesAsText("value")).as("what the clerk's task list shows")
        .contains(started.path("caseNumber").asText(), "上海安泰化工有限公司", "烟花爆竹经营（批发）许可证");
    assertThat(http.get("/engine-rest/variable-instance?processInstanceIdIn=" + instance + "&maxResults=50",
        "expert", "demo").json()).as("an expert cannot browse case variables").isEmpty();
    assertThat(http.postJson("/engine-rest/task/" + acceptTask + "/complete", "expert", "demo", Map.of()).status())
        .as("an expert cannot complete a window task").isEqualTo(403);
    assertThat(http.postJson("/engine-rest/task/" + acceptTask + "/complete", "chief", "demo", Map.of()).status())
        .as("nor can the chief representative, who reads it").isEqualTo(403);
    assertThat(http.postJson("/engine-rest/task/" + acceptTask + "/claim", "officer", "demo",
        Map.of("userId", "officer")).status()).as("nor can a case officer claim it").isEqualTo(403);

    work("clerk", instance, TASK_ACCEPT_APPLICATION, Map.of(ACCEPTANCE_DECISION, text("ACCEPT"),
        TOLERANCE_PLEDGED, Map.of("value", true, "type", "Boolean")));
    // each drawn expert accepts and sends the pre-review, as themselves
    String caseNumber = started.path("caseNumber").asText();
    for (JsonNode invitation : http.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION + "&maxResults=50", "admin", "xuke-admin").json()) {
      submitAssigned(invitation, Map.of(ExpertReviewProcess.Variables.PARTICIPATION_DECISION,
          text(ExpertReviewProcess.Values.PARTICIPATE)));
    }
    JsonNode reviews = http.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW + "&maxResults=50", "admin", "xuke-admin").json();
    assertThat(reviews).as("one pre-review per drawn expert").hasSize(3);
    for (JsonNode review : reviews) {
      submitAssigned(review, Map.of(ExpertReviewProcess.Variables.PRE_REVIEW_CONCLUSION, text("PASS"),
          ExpertReviewProcess.Variables.PRE_REVIEW_COMMENTS, text("仓库设计符合《烟花爆竹工程设计安全标准》")));
    }
    work("officer", instance, TASK_SCHEDULE_INSPECTION, Map.of(INSPECTION_START, text("2026-06-02T09:00"),
        INSPECTION_HOURS, Map.of("value", 3, "type", "Integer"),
        INSPECTORS, Map.of("value", "[\"officer\",\"officer2\"]", "type", "Json")));
    long inspectionId = http.get("/engine-rest/process-instance/" + instance + "/variables/" + INSPECTION_ID.name(),
        "admin", "xuke-admin").json().path("value").asLong();
    // Tuesday 10:00, on site: the inspection began at 09:00
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-06-02T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    TestHttp.Response evidence = http.postFile("/api/inspections/" + inspectionId + "/evidence", "officer2", "demo",
        "file", "现场.jpg", CaseDriver.PHOTO, true, "capturedAt", "2026-06-02T09:40", "device", "执法记录仪02");
    assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
    String inspectionTask = taskId("officer", instance, TASK_ON_SITE_INSPECTION);
    JsonNode participants = formVariable(inspectionTask, "officer", INSPECTION_PARTICIPANTS.name());
    participants.forEach(row -> ((com.fasterxml.jackson.databind.node.ObjectNode) row).put("pledgeRead", true)
        .put("cardHanded", true).put("noFee", true).put("noRide", true).put("meal", "NONE"));
    JsonNode checks = formVariable(inspectionTask, "officer", INSPECTION_CHECKS.name());
    assertThat(checks.findValuesAsText("itemCode")).contains("LIGHTNING_PROTECTION", "QUANTITY_LIMIT");
    checks.forEach(row -> ((com.fasterxml.jackson.databind.node.ObjectNode) row).put("result", "CONFORM"));
    work("officer", instance, TASK_ON_SITE_INSPECTION, Map.of(
        INSPECTION_PARTICIPANTS, Map.of("value", participants.toString(), "type", "Json"),
        INSPECTION_CHECKS, Map.of("value", checks.toString(), "type", "Json"),
        INSPECTION_RESULT, text("PASS"), INSPECTION_FINDINGS, text("防雷设施已安装，待检测报告")));
    work("officer", instance, TASK_REVIEW_CASE, Map.of(REVIEW_RECOMMENDATION, text("APPROVE"),
        REVIEW_OPINION, text("建议准予许可，防雷检测报告容缺后补")));
    work("chief", instance, TASK_APPROVE_LICENCE, Map.of(APPROVAL_DECISION, text("APPROVE")));
    work("deputy", instance, TASK_SIGN_ONLINE, Map.of(SIGNATURE_CONFIRMED, Map.of("value", true, "type", "Boolean"),
        SIGNATURE_REMARK, text("同意")));
    String supplyTask = taskId("clerk2", instance, TASK_RECORD_SUPPLIED_MATERIALS);
    JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.get("/engine-rest/task/"
        + supplyTask + "/form-variables?variableNames=" + SUPPLY_REVIEW.name() + "&deserializeValues=false",
        "clerk2", "demo").json().path(SUPPLY_REVIEW.name()).path("value").asText());
    assertThat(rows.findValuesAsText("materialCode")).containsExactly("LIGHTNING_PROTECTION_REPORT");
    ((com.fasterxml.jackson.databind.node.ObjectNode) rows.get(0)).put("result", "ACCEPTED").put("channel", "WINDOW");
    work("clerk2", instance, TASK_RECORD_SUPPLIED_MATERIALS, Map.of(SUPPLY_REVIEW,
        Map.of("value", rows.toString(), "type", "Json")));
    work("clerk", instance, TASK_DELIVER_LICENCE, Map.of(DELIVERY_METHOD, text("COURIER"),
        TRACKING_NUMBER, text("EMS1029384756")));

    JsonNode archived = http.get("/api/applications/" + started.path("applicationId").asLong(), "clerk", "demo").json();
    assertThat(archived.path("status").asText()).isEqualTo("ARCHIVED");
    assertThat(archived.path("licence").path("licenceNumber").asText()).startsWith("市应急烟花批字〔2026〕");
    assertThat(archived.path("notices").findValuesAsText("kind"))
        .as("the decision, and its re-issue signed by the deputy")
        .containsExactly("ACCEPTANCE", "ONE_TIME", "TOLERANCE_PLEDGE", "APPROVAL", "APPROVAL");
    HttpResponse<byte[]> certificate = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/api/applications/" + started.path("applicationId").asLong() + "/licence/pdf"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:demo".getBytes())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    try (PDDocument document = Loader.loadPDF(certificate.body())) {
      assertThat(new PDFTextStripper().getText(document)).contains("烟花爆竹经营（批发）许可证",
          archived.path("licence").path("licenceNumber").asText(), "上海安泰化工有限公司");
    }
    // 办结 and 归档 are part of the case: when, how delivered, the archive's number, who, when, what the file holds
    assertThat(archived.path("completedAt").asText()).startsWith("2026-06-02T");
    assertThat(archived.path("trackingNumber").asText()).isEqualTo("EMS1029384756");
    JsonNode archive = archived.path("archive");
    assertThat(archive.path("archiveNumber").asText()).matches("市应急许档〔2026〕\\d{6}");
    assertThat(archive.path("archivedBy").asText()).isEqualTo("clerk");
    assertThat(archive.path("archivedByName").asText()).isNotBlank().isNotEqualTo("clerk");
    assertThat(archive.path("archivedAt").asText()).isEqualTo(archived.path("archivedAt").asText());
    JsonNode index = archive.path("documents");
    List<Integer> sequence = new java.util.ArrayList<>();
    index.forEach(entry -> sequence.add(entry.path("sequence").asInt()));
    assertThat(sequence).isEqualTo(java.util.stream.IntStream.rangeClosed(1, index.size()).boxed().toList());
    assertThat(index.findValuesAsText("kind")).startsWith("MATERIAL").contains("INSPECTION", "NOTICE").endsWith("LICENCE");
    assertThat(index.findValuesAsText("number")).containsAll(archived.path("notices").findValuesAsText("noticeNumber"))
        .contains(archived.path("licence").path("licenceNumber").asText());
    assertThat(index.findValuesAsText("title")).contains("现场核查影像资料（1 份）")
        .anySatisfy(title -> assertThat(title).contains("受理通知书"));
    assertThat(index.get(index.size() - 1).path("date").asText()).isEqualTo("2026-06-02");
    JsonNode steps = http.get("/engine-rest/history/activity-instance?processInstanceId=" + instance
        + "&activityType=serviceTask&maxResults=100", "admin", "xuke-admin").json();
    assertThat(steps.findValuesAsText("activityName")).contains("办结", "归档");
    String password = http.postJson("/api/enterprise-accounts", "clerk", "demo",
        Map.of("creditCode", application.get("creditCode"))).json().path("initialPassword").asText();
    JsonNode portal = http.get("/api/portal/applications/" + started.path("applicationId").asLong(),
        (String) application.get("creditCode"), password).json();
    assertThat(portal.path("status").asText()).isEqualTo("ARCHIVED");
    assertThat(portal.path("completedAt").asText()).isEqualTo(archived.path("completedAt").asText());
    assertThat(portal.path("archiveNumber").asText()).isEqualTo(archive.path("archiveNumber").asText());

    JsonNode history = http.get("/engine-rest/history/process-instance/" + instance, "admin", "xuke-admin").json();
    assertThat(history.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(history.path("businessKey").asText()).isEqualTo(started.path("caseNumber").asText());
    assertThat(H2Exceptions.since(exceptionsBefore))
        .as("exceptions the database raised for a case worked without a mistake (each a stack trace in its trace file; "
            + "TRACE_LEVEL_SYSTEM_OUT=3 in application-test.yaml shows which)")
        .isEmpty();
  }

  @Test
  void tasklistStartFormWithABadCreditCodeGetsTheReasonInChinese() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ENTERPRISE_NAME.name(), text("某某化工有限公司"));
    variables.put(CREDIT_CODE.name(), text("91350100M000100Y44"));
    variables.put(CONTACT_NAME.name(), text("张三"));
    variables.put(CONTACT_PHONE.name(), text("13812345678"));
    variables.put(LICENCE_TYPE.name(), text("HAZCHEM_SAFE_USE"));
    variables.put(SUBMITTED_MATERIALS.name(), Map.of("value", "[\"APPLICATION_FORM\"]", "type", "Json"));

    TestHttp.Response response = http.postJson("/engine-rest/process-definition/key/LicenceApplication/submit-form",
        "clerk", "demo", Map.of("variables", variables));

    // a refused field is a 400 with the reason alone, as Tasklist shows it (EngineRestErrors)
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).isEqualTo("统一社会信用代码校验位不正确，请核对后重新填写");
    assertThat(http.get("/engine-rest/process-instance/count?processDefinitionKey=LicenceApplication"
        + "&variables=creditCode_eq_91350100M000100Y44", "admin", "xuke-admin").json().path("count").asInt()).isZero();
  }

  private static Map<String, Object> text(String value) {
    return Map.of("value", value, "type", "String");
  }

  /** Claims the task as the user, checks its form has the fields, submits them. */
  private void work(String user, String instance, String taskKey, Map<ProcessVariable<?>, Map<String, Object>> fields) {
    String task = taskId(user, instance, taskKey);
    assertThat(http.postJson("/engine-rest/task/" + task + "/claim", user, "demo", Map.of("userId", user)).status())
        .isEqualTo(204);
    TestHttp.Response form = http.get("/engine-rest/task/" + task + "/deployed-form", user, "demo");
    assertThat(form.status()).as(taskKey + " form: " + form.body()).isEqualTo(200);
    Set<String> keys = new HashSet<>(form.json().findValuesAsText("key"));
    keys.addAll(form.json().findValuesAsText("path")); // dynamic lists
    Map<String, Object> variables = new LinkedHashMap<>();
    fields.forEach((variable, value) -> {
      assertThat(keys).as("fields of the form of " + taskKey).contains(variable.name());
      variables.put(variable.name(), value);
    });
    TestHttp.Response submitted = http.postJson("/engine-rest/task/" + task + "/submit-form", user, "demo",
        Map.of("variables", variables));
    assertThat(submitted.status()).as(taskKey + ": " + submitted.body()).isEqualTo(204);
  }

  /** A JSON variable as Tasklist loads it for a task's form. */
  private JsonNode formVariable(String task, String user, String name) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.get("/engine-rest/task/" + task
        + "/form-variables?variableNames=" + name + "&deserializeValues=false", user, "demo").json()
        .path(name).path("value").asText());
  }

  /** Submits a task assigned to an expert, as that expert, with only fields of its form. */
  private void submitAssigned(JsonNode task, Map<ProcessVariable<?>, Map<String, Object>> fields) {
    String user = task.path("assignee").asText();
    String id = task.path("id").asText();
    TestHttp.Response form = http.get("/engine-rest/task/" + id + "/deployed-form", user, "demo");
    assertThat(form.status()).as(user + " " + form.body()).isEqualTo(200);
    Set<String> keys = new HashSet<>(form.json().findValuesAsText("key"));
    Map<String, Object> variables = new LinkedHashMap<>();
    fields.forEach((variable, value) -> {
      assertThat(keys).contains(variable.name());
      variables.put(variable.name(), value);
    });
    TestHttp.Response submitted = http.postJson("/engine-rest/task/" + id + "/submit-form", user, "demo",
        Map.of("variables", variables));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
  }

  private String taskId(String user, String instance, String taskKey) {
    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + taskKey
        + "&maxResults=1", user, "demo").json();
    assertThat(tasks).as(user + " sees " + taskKey).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private List<JsonNode> openTasks(String user, String instance) {
    String password = user.equals("admin") ? "xuke-admin" : "demo";
    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + instance + "&maxResults=50", user, password).json();
    return tasks.isArray() ? List.copyOf(tasks.findParents("id")) : List.of();
  }
}
