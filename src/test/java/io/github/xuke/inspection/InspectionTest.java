package io.github.xuke.inspection;

import static io.github.xuke.application.process.CaseDriver.form;
import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scheduling and recording inspections through the officer's forms: inside the target, a Saturday at
 * the enterprise's request, no double booking; a record without two confirmed inspectors or without
 * evidence is refused; evidence keeps its hash.
 */
@XukeTest
class InspectionTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired InspectionService inspections;
  CaseDriver driver;
  TestHttp http;

  @BeforeEach
  void setUp() {
    driver = new CaseDriver(engine);
    http = new TestHttp(port);
    at("2026-06-03T10:00"); // Wednesday: the target ends Monday 8 June
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private VariableMap schedule(String start, String... inspectors) {
    return form().putValue(INSPECTION_START.name(), start).putValue(INSPECTION_HOURS.name(), 3)
        .putValue(INSPECTORS.name(), Spin.JSON(List.of(inspectors)));
  }

  @Test
  void insideTheTargetOnAWorkingDayOrOnTheSaturdayTheEnterpriseAskedFor() {
    ProcessInstance weekday = driver.acceptedCase("HAZCHEM_SAFE_USE");
    assertThatThrownBy(() -> driver.complete(weekday, TASK_SCHEDULE_INSPECTION, "officer",
        schedule("2026-06-09T09:00", "officer", "officer2")))
        .hasMessageContaining("超出现场核查与技术评审时限（2026-06-08 前）");
    assertThatThrownBy(() -> driver.complete(weekday, TASK_SCHEDULE_INSPECTION, "officer",
        schedule("2026-06-04T09:00", "officer")))
        .hasMessageContaining("现场核查至少需要两名执法人员");
    assertThatThrownBy(() -> driver.complete(weekday, TASK_SCHEDULE_INSPECTION, "officer",
        schedule("2026-06-04T18:00", "officer", "officer2")))
        .hasMessageContaining("工作时间（8:30–17:30）以外");
    assertThatThrownBy(() -> driver.complete(weekday, TASK_SCHEDULE_INSPECTION, "officer",
        schedule("2026-06-04T09:00", "officer", "clerk")))
        .hasMessageContaining("“clerk”不是执法人员");
    driver.complete(weekday, TASK_SCHEDULE_INSPECTION, "officer", schedule("2026-06-04T09:00", "officer", "officer2"));
    long first = INSPECTION_ID.from(engine.getRuntimeService().getVariables(weekday.getId()));
    assertThat(inspections.get(first).afterHours()).isFalse();

    ProcessInstance saturday = driver.acceptedCase("FIREWORKS_WHOLESALE");
    assertThatThrownBy(() -> driver.complete(saturday, TASK_SCHEDULE_INSPECTION, "officer",
        schedule("2026-06-06T09:00", "officer", "officer2")))
        .hasMessageContaining("所选日期为非工作日");
    // officer and officer2 are both at the first case on Thursday morning
    assertThatThrownBy(() -> driver.complete(saturday, TASK_SCHEDULE_INSPECTION, "officer",
        schedule("2026-06-04T10:00", "officer", "officer2")))
        .hasMessageContaining("李承办在该时段已安排").hasMessageContaining("的现场核查（2026-06-04 09:00–12:00）");
    driver.complete(saturday, TASK_SCHEDULE_INSPECTION, "officer", schedule("2026-06-06T09:00", "officer", "officer2")
        .putValue(AFTER_HOURS.name(), true)
        .putValue(AFTER_HOURS_REASON.name(), "企业 6 月 3 日电话申请周六预约服务，联系人张三"));
    long second = INSPECTION_ID.from(engine.getRuntimeService().getVariables(saturday.getId()));
    Inspection booked = inspections.get(second);
    assertThat(booked.afterHours()).isTrue();
    assertThat(booked.afterHoursReason()).contains("周六预约服务");
    assertThat(booked.participants()).extracting(Inspection.Participant::name).containsExactly("李承办", "吴执法");

    JsonNode week = http.get("/api/inspections?from=2026-06-01&to=2026-06-07", "chief", "demo").json();
    assertThat(week.findValuesAsText("id")).contains(String.valueOf(first), String.valueOf(second));
    assertThat(http.get("/api/inspections?from=2026-06-07&to=2026-06-01", "chief", "demo").status()).isEqualTo(400);
    assertThat(http.get("/api/inspections", "clerk", "demo").status()).isEqualTo(403);
  }

  @Test
  void theRecordNeedsTwoConfirmedInspectorsTheChecklistAndEvidenceWhoseHashMatches() throws Exception {
    ProcessInstance instance = driver.acceptedCase("HAZCHEM_OPERATION_STORAGE");
    long inspectionId = driver.scheduleInspection(instance);
    SpinJsonNode confirmed = driver.confirmedParticipants(instance);
    SpinJsonNode checks = driver.allConforming(instance);
    at("2026-06-04T10:00"); // the inspection is Thursday 09:00–12:00

    assertThatThrownBy(() -> driver.complete(instance, TASK_ON_SITE_INSPECTION, "officer", form()
        .putValue(INSPECTION_PARTICIPANTS.name(), confirmed).putValue(INSPECTION_CHECKS.name(), checks)
        .putValue(INSPECTION_RESULT.name(), "PASS")))
        .hasMessageContaining("尚未上传现场影像资料");

    assertThat(http.postFile("/api/inspections/" + inspectionId + "/evidence", "officer", "demo", "file", "a.pdf",
        "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), true, "capturedAt", "2026-06-04T09:10").status())
        .as("a PDF is not a photo or a video").isEqualTo(415);
    assertThat(http.postFile("/api/inspections/" + inspectionId + "/evidence", "clerk", "demo", "file", "a.jpg",
        CaseDriver.PHOTO, true, "capturedAt", "2026-06-04T09:10").status()).isEqualTo(403);
    byte[] video = new byte[64];
    System.arraycopy("\0\0\0\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1), 0, video, 0, 12);
    TestHttp.Response uploaded = http.postFile("/api/inspections/" + inspectionId + "/evidence", "officer2", "demo",
        "file", "记录仪.mp4", video, true, "capturedAt", "2026-06-04T09:10", "device", "执法记录仪 07");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    JsonNode evidence = uploaded.json().path("evidence").get(0);
    assertThat(evidence.path("contentType").asText()).isEqualTo("video/mp4");
    assertThat(evidence.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(video)));
    assertThat(evidence.path("uploadedBy").asText()).isEqualTo("officer2");

    SpinJsonNode oneUnconfirmed = driver.confirmedParticipants(instance);
    oneUnconfirmed.elements().get(1).prop("pledgeRead", false).prop("noRide", false);
    assertThatThrownBy(() -> driver.complete(instance, TASK_ON_SITE_INSPECTION, "officer", form()
        .putValue(INSPECTION_PARTICIPANTS.name(), oneUnconfirmed).putValue(INSPECTION_CHECKS.name(), checks)
        .putValue(INSPECTION_RESULT.name(), "PASS")))
        .hasMessageContaining("吴执法尚未确认：宣读承诺书、未乘坐企业车辆");
    SpinJsonNode paidMeal = driver.confirmedParticipants(instance);
    paidMeal.elements().get(0).prop("meal", "PAID_STANDARD");
    assertThatThrownBy(() -> driver.complete(instance, TASK_ON_SITE_INSPECTION, "officer", form()
        .putValue(INSPECTION_PARTICIPANTS.name(), paidMeal).putValue(INSPECTION_CHECKS.name(), checks)
        .putValue(INSPECTION_RESULT.name(), "PASS")))
        .hasMessageContaining("按标准付费就餐，须写明金额和票据");
    SpinJsonNode unanswered = driver.allConforming(instance);
    unanswered.elements().get(0).prop("result", "NONCONFORM");
    assertThatThrownBy(() -> driver.complete(instance, TASK_ON_SITE_INSPECTION, "officer", form()
        .putValue(INSPECTION_PARTICIPANTS.name(), confirmed).putValue(INSPECTION_CHECKS.name(), unanswered)
        .putValue(INSPECTION_RESULT.name(), "PASS")))
        .hasMessageContaining("不符合，须写明情况");
    assertThat(inspections.get(inspectionId).state()).as("refusals change nothing").isEqualTo(Inspection.State.SCHEDULED);

    paidMeal.elements().get(0).prop("mealNote", "工作餐 25 元，已付，票据编号 0061");
    driver.complete(instance, TASK_ON_SITE_INSPECTION, "officer", form()
        .putValue(INSPECTION_PARTICIPANTS.name(), paidMeal).putValue(INSPECTION_CHECKS.name(), checks)
        .putValue(INSPECTION_RESULT.name(), "PASS").putValue(INSPECTION_FINDINGS.name(), "现场与材料一致"));
    Inspection recorded = inspections.get(inspectionId);
    assertThat(recorded.state()).isEqualTo(Inspection.State.RECORDED);
    assertThat(recorded.participants()).allSatisfy(participant -> {
      assertThat(participant.pledgeRead()).isTrue();
      assertThat(participant.cardHanded()).isTrue();
      assertThat(participant.confirmedAt()).isNotNull();
    });
    assertThat(recorded.participants().get(0).mealNote()).contains("25 元");
    assertThat(recorded.checks()).extracting(Inspection.Check::itemCode).contains("SITE_DISTANCE", "FIRE_FACILITIES");
  }

  @Test
  void theEnterpriseSendsItsRectificationThroughThePortalAndTheOfficerRechecks() {
    String creditCode = CaseDriver.newCreditCode();
    ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(creditCode, "HAZCHEM_SAFE_USE",
        driver.completeMaterials("HAZCHEM_SAFE_USE")));
    driver.accept(instance);
    long id = driver.applicationId(instance);
    String password = http.postJson("/api/enterprise-accounts", "clerk", "demo", Map.of("creditCode", creditCode))
        .json().path("initialPassword").asText();
    String upload = "/api/portal/applications/" + id + "/rectification";
    assertThat(http.postFile(upload, creditCode, password, "file", "整改.jpg", CaseDriver.PHOTO, true).status())
        .as("nothing to rectify yet").isEqualTo(409);

    driver.expertReview(instance, "PASS");
    driver.inspect(instance, "RECTIFY", "应急器材柜缺少防毒面具", List.of());
    JsonNode seen = http.get("/api/portal/applications/" + id, creditCode, password).json();
    assertThat(seen.path("awaitsRectification").asBoolean()).isTrue();
    assertThat(seen.path("notices").findValuesAsText("kind")).contains("RECTIFICATION");
    assertThat(seen.path("notices").findValuesAsText("content")).anySatisfy(content ->
        assertThat(content).contains("应急器材柜缺少防毒面具"));
    TestHttp.Response sent = http.postFile(upload, creditCode, password, "file", "整改.jpg", CaseDriver.PHOTO, true);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(sent.json().path("materialCode").asText()).isEqualTo("RECTIFICATION");

    driver.complete(instance, TASK_RECHECK_RECTIFICATION, "officer2", form()
        .putValue(RECTIFICATION_RESULT.name(), "FAILED")
        .putValue(RECTIFICATION_NOTE.name(), "照片中的防毒面具型号不符合要求"));
    assertThat(INSPECTION_RESULT.from(engine.getRuntimeService().getVariables(instance.getId()))).isEqualTo("FAIL");
    assertThat(inspections.awaitsRectification(id)).isFalse();
  }

  @Test
  void theRecordWaitsForTheStartAndEvidenceIsTakenDuringTheInspectionNeverInTheFuture() {
    ProcessInstance instance = driver.acceptedCase("HAZCHEM_SAFE_USE");
    long inspectionId = driver.scheduleInspection(instance); // Thursday 2026-06-04 09:00–12:00
    Map<String, Object> record = form()
        .putValue(INSPECTION_PARTICIPANTS.name(), driver.confirmedParticipants(instance))
        .putValue(INSPECTION_CHECKS.name(), driver.allConforming(instance))
        .putValue(INSPECTION_RESULT.name(), "PASS");
    String evidence = "/api/inspections/" + inspectionId + "/evidence";

    // Wednesday 10:00: the day before
    TestHttp.Response early = http.postFile(evidence, "officer", "demo", "file", "a.jpg", CaseDriver.PHOTO, true,
        "capturedAt", "2026-06-04T09:10");
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.json().path("field").asText()).isEqualTo("capturedAt");
    assertThat(early.json().path("message").asText()).isEqualTo(
        "拍摄时间 2026-06-04 09:10 晚于现在（2026-06-03 10:00）：拍摄时间不能是将来的时间，请核对拍摄设备的时钟。");
    assertThatThrownBy(() -> driver.complete(instance, TASK_ON_SITE_INSPECTION, "officer", record))
        .hasMessage("现场核查尚未开始：本次核查安排在 2026-06-04 09:00 开始，现在是 2026-06-03 10:00。核查开始后方可登记核查记录。");

    at("2026-06-04T08:59");
    assertThatThrownBy(() -> driver.complete(instance, TASK_ON_SITE_INSPECTION, "officer", record))
        .as("a minute before the start").hasMessageContaining("现场核查尚未开始");

    at("2026-06-04T11:30");
    TestHttp.Response before = http.postFile(evidence, "officer", "demo", "file", "a.jpg", CaseDriver.PHOTO, true,
        "capturedAt", "2026-06-04 08:29");
    assertThat(before.status()).isEqualTo(400);
    assertThat(before.json().path("message").asText()).isEqualTo("拍摄时间 2026-06-04 08:29 早于本次现场核查："
        + "核查安排在 2026-06-04 09:00 开始，拍摄时间最早为 2026-06-04 08:30（允许 30 分钟误差）。");
    TestHttp.Response future = http.postFile(evidence, "officer", "demo", "file", "a.jpg", CaseDriver.PHOTO, true,
        "capturedAt", "2026-06-04T03:36:00Z"); // 11:36 in Shanghai: six minutes ahead
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().path("message").asText()).startsWith("拍摄时间 2026-06-04 11:36 晚于现在（2026-06-04 11:30）");
    assertThat(inspections.get(inspectionId).evidence()).as("refusals store nothing").isEmpty();

    for (String capturedAt : List.of("2026-06-04 08:30", "2026-06-04T11:34", "2026-06-04T09:45:10+08:00")) {
      TestHttp.Response taken = http.postFile(evidence, "officer", "demo", "file", "a.jpg", CaseDriver.PHOTO, true,
          "capturedAt", capturedAt, "device", "手机");
      assertThat(taken.status()).as(capturedAt + ": " + taken.body()).isEqualTo(201);
    }
    assertThat(inspections.get(inspectionId).evidence()).extracting(e -> e.capturedAt().atZoneSameInstant(SHANGHAI)
        .toLocalDateTime().toString()).containsExactly("2026-06-04T08:30", "2026-06-04T11:34", "2026-06-04T09:45:10");

    driver.complete(instance, TASK_ON_SITE_INSPECTION, "officer", record);
    Inspection recorded = inspections.get(inspectionId);
    assertThat(recorded.state()).isEqualTo(Inspection.State.RECORDED);

    // the body camera is docked in the evening: what it took on site still comes in, nothing after the record
    at("2026-06-04T18:00");
    assertThat(http.postFile(evidence, "officer", "demo", "file", "b.jpg", CaseDriver.PHOTO, true,
        "capturedAt", "2026-06-04T11:55").status()).isEqualTo(201);
    TestHttp.Response after = http.postFile(evidence, "officer", "demo", "file", "c.jpg", CaseDriver.PHOTO, true,
        "capturedAt", "2026-06-04T12:01");
    assertThat(after.status()).isEqualTo(400);
    assertThat(after.json().path("message").asText()).isEqualTo("拍摄时间 2026-06-04 12:01 晚于本次现场核查："
        + "核查记录已于 2026-06-04 11:30 登记，拍摄时间最晚为 2026-06-04 12:00（允许 30 分钟误差）。");
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
  }
}
