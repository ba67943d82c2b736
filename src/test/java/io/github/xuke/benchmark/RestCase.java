package io.github.xuke.benchmark;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xuke.TestHttp;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.expert.process.ExpertReviewProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A licence case over HTTP exactly as LicenceCaseOverHttpTest works it, which is what Tasklist and
 * the window's clients send: {@code POST /api/applications} as the clerk, then per task the
 * engine-rest calls of Tasklist as that task's demo user with HTTP Basic (find the task, claim it,
 * load its deployed form, load the form variables the form shows, {@code submit-form} with only the
 * form's fields), the inspection's photo through {@code POST /api/inspections/{id}/evidence}. Shared
 * by the REST side of the comparison and the loader of the scale table. Any answer other than the
 * expected status is an {@link UnexpectedAnswer}.
 */
final class RestCase {

  static final String PASSWORD = "demo";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

  private final TestHttp http;
  private LocalDate inspectionDayFor;
  private String inspectionDay;

  RestCase(int port) {
    this.http = new TestHttp(port);
  }

  /** A status the benchmark did not expect: the request, the status, the body. */
  static final class UnexpectedAnswer extends RuntimeException {

    UnexpectedAnswer(String request, TestHttp.Response response) {
      super(request + " answered " + response.status() + ": " + abbreviated(response.body()));
    }

    private static String abbreviated(String body) {
      return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
  }

  /** A received application: what {@code POST /api/applications} answered. */
  record Received(long applicationId, String caseNumber, String processInstanceId, String creditCode) {}

  TestHttp http() {
    return http;
  }

  /** The clerk receives a new application (危险化学品安全使用许可证, two items tolerated). */
  Received receive(String clerk) {
    String creditCode = CaseDriver.newCreditCode();
    JsonNode started = expect(201, "POST /api/applications",
        http.postJson("/api/applications", clerk, PASSWORD, CaseDriver.apiApplication(creditCode))).json();
    return new Received(started.path("applicationId").asLong(), started.path("caseNumber").asText(),
        started.path("processInstanceId").asText(), creditCode);
  }

  /** The clerk accepts the case with the applicant's tolerance pledge (材料审查与受理). */
  void accept(String clerk, Received received, Calls completions) {
    work(clerk, received.processInstanceId(), TASK_ACCEPT_APPLICATION, completions, Map.of(
        ACCEPTANCE_DECISION, text(LicenceApplicationProcess.Values.ACCEPT),
        TOLERANCE_PLEDGED, typed(true, "Boolean")));
  }

  /** The whole case, from receipt to delivery, 14 task completions. */
  void workCase(Calls completions) {
    Received received = receive("clerk");
    String instance = received.processInstanceId();
    accept("clerk", received, completions);
    for (JsonNode invitation : expertTasks(received, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION)) {
      submitAssigned(invitation, completions, Map.of(ExpertReviewProcess.Variables.PARTICIPATION_DECISION,
          text(ExpertReviewProcess.Values.PARTICIPATE)));
    }
    for (JsonNode review : expertTasks(received, ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW)) {
      submitAssigned(review, completions, Map.of(ExpertReviewProcess.Variables.PRE_REVIEW_CONCLUSION, text("PASS"),
          ExpertReviewProcess.Variables.PRE_REVIEW_COMMENTS, text("技术材料已逐项预审")));
    }
    String day = inspectionDay();
    work("officer", instance, TASK_SCHEDULE_INSPECTION, completions, Map.of(INSPECTION_START, text(day + "T" + InspectionHour.START),
        INSPECTION_HOURS, typed(3, "Integer"), INSPECTORS, typed("[\"officer\",\"officer2\"]", "Json")));
    long inspectionId = expect(200, "GET inspection id", http.get("/engine-rest/process-instance/" + instance
        + "/variables/" + INSPECTION_ID.name(), "admin", RunningXuke.ADMIN_PASSWORD)).json().path("value").asLong();
    InspectionHour.begin(LocalDate.parse(day));
    try {
      workInspectedCase(received, instance, completions, inspectionId, day);
    } finally {
      InspectionHour.end();
    }
  }

  /** From the inspection on, on the inspection day's clock (the app runs in this JVM). */
  private void workInspectedCase(Received received, String instance, Calls completions, long inspectionId, String day) {
    expect(201, "POST evidence", http.postFile("/api/inspections/" + inspectionId + "/evidence", "officer2", PASSWORD,
        "file", "现场.jpg", CaseDriver.PHOTO, true, "capturedAt", day + "T" + InspectionHour.PHOTO, "device", "执法记录仪02"));
    String inspectionTask = taskId("officer", instance, TASK_ON_SITE_INSPECTION);
    JsonNode participants = formVariable(inspectionTask, "officer", INSPECTION_PARTICIPANTS);
    participants.forEach(row -> ((ObjectNode) row).put("pledgeRead", true).put("cardHanded", true).put("noFee", true)
        .put("noRide", true).put("meal", "NONE"));
    JsonNode checks = formVariable(inspectionTask, "officer", INSPECTION_CHECKS);
    checks.forEach(row -> ((ObjectNode) row).put("result", "CONFORM"));
    work("officer", instance, TASK_ON_SITE_INSPECTION, completions, Map.of(
        INSPECTION_PARTICIPANTS, typed(participants.toString(), "Json"), INSPECTION_CHECKS, typed(checks.toString(), "Json"),
        INSPECTION_RESULT, text(LicenceApplicationProcess.Values.INSPECTION_PASS), INSPECTION_FINDINGS, text("现场条件符合要求")));
    work("officer", instance, TASK_REVIEW_CASE, completions, Map.of(
        REVIEW_RECOMMENDATION, text(LicenceApplicationProcess.Values.APPROVE), REVIEW_OPINION, text("建议准予许可，容缺材料后补")));
    work("chief", instance, TASK_APPROVE_LICENCE, completions, Map.of(
        APPROVAL_DECISION, text(LicenceApplicationProcess.Values.APPROVE)));
    work("deputy", instance, TASK_SIGN_ONLINE, completions, Map.of(
        SIGNATURE_CONFIRMED, typed(true, "Boolean"), SIGNATURE_REMARK, text("同意")));
    String supplyTask = taskId("clerk2", instance, TASK_RECORD_SUPPLIED_MATERIALS);
    JsonNode rows = formVariable(supplyTask, "clerk2", SUPPLY_REVIEW);
    rows.forEach(row -> ((ObjectNode) row).put("result", "ACCEPTED").put("channel", "WINDOW"));
    work("clerk2", instance, TASK_RECORD_SUPPLIED_MATERIALS, completions, Map.of(SUPPLY_REVIEW, typed(rows.toString(), "Json")));
    work("clerk", instance, TASK_DELIVER_LICENCE, completions, Map.of(
        DELIVERY_METHOD, text("COURIER"), TRACKING_NUMBER, text("EMS1029384756")));
    String status = expect(200, "GET case", http.get("/api/applications/" + received.applicationId(), "clerk", PASSWORD))
        .json().path("status").asText();
    if (!status.equals("ARCHIVED")) {
      throw new IllegalStateException("the REST case " + received.caseNumber() + " ended as " + status);
    }
  }

  /** The open tasks of this kind in the case's processes, as the admin lists them. */
  JsonNode expertTasks(Received received, String taskKey) {
    return expect(200, "GET expert tasks", http.get("/engine-rest/task?processInstanceBusinessKey=" + received.caseNumber()
        + "&taskDefinitionKey=" + taskKey + "&maxResults=50", "admin", RunningXuke.ADMIN_PASSWORD)).json();
  }

  /** Claims the task as the user, loads its form, submits the fields. */
  void work(String user, String instance, String taskKey, Calls completions,
      Map<ProcessVariable<?>, Map<String, Object>> fields) {
    String task = taskId(user, instance, taskKey);
    expect(204, "claim " + taskKey, http.postJson("/engine-rest/task/" + task + "/claim", user, PASSWORD,
        Map.of("userId", user)));
    expect(200, "deployed-form of " + taskKey, http.get("/engine-rest/task/" + task + "/deployed-form", user, PASSWORD));
    submit(user, task, taskKey, completions, fields);
  }

  /** Submits a task assigned to its expert, as that expert, after loading its form. */
  void submitAssigned(JsonNode task, Calls completions, Map<ProcessVariable<?>, Map<String, Object>> fields) {
    String user = task.path("assignee").asText();
    String id = task.path("id").asText();
    expect(200, "deployed-form of " + id, http.get("/engine-rest/task/" + id + "/deployed-form", user, PASSWORD));
    submit(user, id, task.path("taskDefinitionKey").asText(), completions, fields);
  }

  private void submit(String user, String task, String taskKey, Calls completions,
      Map<ProcessVariable<?>, Map<String, Object>> fields) {
    Map<String, Object> variables = new LinkedHashMap<>();
    fields.forEach((variable, value) -> variables.put(variable.name(), value));
    completions.measure(() -> expect(204, "submit-form of " + taskKey, http.postJson("/engine-rest/task/" + task
        + "/submit-form", user, PASSWORD, Map.of("variables", variables))));
  }

  String taskId(String user, String instance, String taskKey) {
    JsonNode tasks = expect(200, "GET task " + taskKey, http.get("/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=" + taskKey + "&maxResults=1", user, PASSWORD)).json();
    if (!(tasks instanceof ArrayNode list) || list.size() != 1) {
      throw new IllegalStateException(user + " does not see " + taskKey + " of " + instance + ": " + tasks);
    }
    return tasks.get(0).path("id").asText();
  }

  /** A JSON variable as Tasklist loads it for a task's form. */
  private JsonNode formVariable(String task, String user, ProcessVariable<?> variable) {
    String value = expect(200, "form-variables", http.get("/engine-rest/task/" + task + "/form-variables?variableNames="
        + variable.name() + "&deserializeValues=false", user, PASSWORD)).json().path(variable.name()).path("value").asText();
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + value, e);
    }
  }

  /** The next working day, as the bureau's public deadline endpoint computes it. */
  private String inspectionDay() {
    LocalDate today = LocalDate.now(BUREAU);
    if (!today.equals(inspectionDayFor)) {
      inspectionDay = expect(200, "GET deadline", http.get("/api/calendar/deadline?from=" + today + "&workingDays=1",
          null, null)).json().path("due").asText();
      inspectionDayFor = today;
    }
    return inspectionDay;
  }

  static TestHttp.Response expect(int status, String request, TestHttp.Response response) {
    if (response.status() != status) {
      throw new UnexpectedAnswer(request, response);
    }
    return response;
  }

  static Map<String, Object> text(String value) {
    return typed(value, "String");
  }

  static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }
}
