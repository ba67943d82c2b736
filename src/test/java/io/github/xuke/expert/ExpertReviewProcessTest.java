package io.github.xuke.expert;

import io.github.xuke.expert.process.ExpertReviewProcess;
import static io.github.xuke.application.process.CaseDriver.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.ProcessCoverage;
import io.github.xuke.XukeTest;
import io.github.xuke.application.ApplicationForm;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.application.process.LicenceApplicationStarter;
import io.github.xuke.clock.CaseClocks;
import io.github.xuke.clock.ClockKind;
import io.github.xuke.clock.ClockState;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process {@code ExpertReview} with the real pool, tables and engine clock: the panel is drawn at
 * acceptance and recorded so it can be re-run; a decline and a silence are each replaced by a new
 * draw; the reminder; the consolidated opinion reaches the case and the statutory clock runs again.
 */
@XukeTest
@ProcessCoverage(process = ExpertReviewProcess.PROCESS_ID, atLeast = 1.0)
class ExpertReviewProcessTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ExpertDraws draws;
  @Autowired DrawVerifications verifications;
  @Autowired ExpertRepository experts;
  @Autowired CaseClocks clocks;
  @Autowired LicenceApplicationStarter starter;
  @Autowired ExpertService service;
  @Autowired AgencyService agencyService;
  @Autowired AgencyRepository agencies;
  CaseDriver driver;
  TestHttp http;

  @BeforeEach
  void setUp() {
    driver = new CaseDriver(engine);
    http = new TestHttp(port);
    at("2026-06-01T09:30"); // Monday
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCaseAcceptedThisMorningHasItsPanelDrawnAtOnceWithAnAuditAnyoneCanRerun() {
    ProcessInstance instance = driver.acceptedCase("HAZCHEM_SAFE_USE");
    long id = driver.applicationId(instance);

    List<Task> invitations = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION);
    assertThat(invitations).as("three experts invited at acceptance").hasSize(3);
    assertThat(invitations).extracting(Task::getAssignee).doesNotHaveDuplicates();
    assertThat(invitations).allSatisfy(task -> assertThat(task.getDueDate()).as("answer within one working day")
        .isEqualTo(Date.from(LocalDateTime.parse("2026-06-02T23:59:59").atZone(SHANGHAI).toInstant())));

    JsonNode drawn = http.get("/api/applications/" + id + "/expert-draws", "chief", "demo").json();
    assertThat(drawn).hasSize(1);
    JsonNode record = drawn.get(0).path("record");
    assertThat(drawn.get(0).path("purpose").asText()).isEqualTo("PANEL");
    assertThat(record.path("requiredSpecialties").toString()).contains("CHEMICAL_PROCESS", "ELECTRICAL", "FIRE");
    assertThat(record.path("pool").size()).isGreaterThanOrEqualTo(6);
    assertThat(record.path("result").path("picks").findValuesAsText("userId"))
        .containsExactlyInAnyOrderElementsOf(invitations.stream().map(Task::getAssignee).toList());
    JsonNode verification = http.get("/api/expert-draws/" + drawn.get(0).path("id").asText() + "/verification",
        "party", "demo").json();
    assertThat(verification.path("reproduced").asBoolean()).as(verification.toString()).isTrue();
    assertThat(http.get("/api/applications/" + id + "/expert-draws", "expert", "demo").status())
        .as("experts do not read the draws").isEqualTo(403);
    assertThat(clocks.ofCase(id)).filteredOn(clock -> clock.kind() == ClockKind.STATUTORY_DECISION)
        .singleElement().satisfies(clock -> assertThat(clock.state()).isEqualTo(ClockState.PAUSED));
  }

  @Test
  void aDeclineAndASilenceAreEachReplacedByANewRecordedDrawAndTheOpinionsReachTheCase() {
    ProcessInstance instance = driver.acceptedCase("HAZCHEM_OPERATION_STORAGE");
    long id = driver.applicationId(instance);
    List<Task> invitations = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION);
    Task declined = invitations.get(0);
    Task silent = invitations.get(1);
    Task accepted = invitations.get(2);

    driver.completeAssigned(declined, form()
        .putValue(ExpertReviewProcess.Variables.PARTICIPATION_DECISION.name(), ExpertReviewProcess.Values.DECLINE)
        .putValue(ExpertReviewProcess.Variables.DECLINE_REASON.name(), "近期在外地出差"));
    driver.completeAssigned(accepted, form()
        .putValue(ExpertReviewProcess.Variables.PARTICIPATION_DECISION.name(), ExpertReviewProcess.Values.PARTICIPATE));
    at("2026-06-03T08:00"); // past the one working day to answer
    Job timeout = engine.getManagementService().createJobQuery().processInstanceId(silent.getProcessInstanceId())
        .activityId(ExpertReviewProcess.Elements.TIMER_ANSWER_DUE).list().stream()
        .filter(job -> engine.getRuntimeService().getVariable(job.getExecutionId(), ExpertReviewProcess.Variables.EXPERT.name()).equals(silent.getAssignee()))
        .findFirst().orElseThrow();
    engine.getManagementService().executeJob(timeout.getId());

    List<Assignment> panel = draws.panel(id);
    assertThat(panel).hasSize(5);
    assertThat(panel).filteredOn(a -> a.state() == Assignment.State.DECLINED).singleElement()
        .satisfies(a -> assertThat(a.answerReason()).isEqualTo("近期在外地出差"));
    assertThat(panel).filteredOn(a -> a.state() == Assignment.State.TIMED_OUT).singleElement()
        .satisfies(a -> assertThat(a.answerReason()).contains("未答复"));
    assertThat(panel).extracting(Assignment::expertId).doesNotHaveDuplicates();
    assertThat(draws.drawsOf(id)).extracting(ExpertDraws.DrawView::purpose)
        .containsExactly("PANEL", "REPLACEMENT", "REPLACEMENT");
    ExpertDraws.DrawView replacement = draws.drawsOf(id).get(1);
    assertThat(replacement.record().excluded()).hasSize(3).containsValue("已谢绝本案评审");
    assertThat(verifications.verify(replacement.id()).reproduced()).isTrue();

    List<Task> newInvitations = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION);
    assertThat(newInvitations).hasSize(2).extracting(Task::getAssignee)
        .doesNotContain(declined.getAssignee(), silent.getAssignee(), accepted.getAssignee());

    // the reminder before the due of the pre-review
    Task review = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW).get(0);
    Job reminder = engine.getManagementService().createJobQuery().processInstanceId(review.getProcessInstanceId())
        .activityId(ExpertReviewProcess.Elements.TIMER_PRE_REVIEW_REMINDER).singleResult();
    engine.getManagementService().executeJob(reminder.getId());
    assertThat(draws.panel(id)).filteredOn(a -> a.remindedAt() != null).hasSize(1);
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult().getPriority())
        .as("the reminded task rises in the expert's list").isEqualTo(90);

    // one expert finds a problem; the case gets the strictest conclusion and every expert's words (the material
    // named as the case names it, not as the form sent it)
    driver.completeAssigned(review, form()
        .putValue(ExpertReviewProcess.Variables.PRE_REVIEW_CONCLUSION.name(), "REVISE")
        .putValue(ExpertReviewProcess.Variables.PRE_REVIEW_COMMENTS.name(), "储罐区说明不完整")
        .putValue(ExpertReviewProcess.Variables.PRE_REVIEW_FINDINGS.name(), org.camunda.spin.Spin.JSON(
            "[{\"materialCode\":\"STORAGE_FACILITY_PROOF\",\"materialName\":\"储存设施证明\",\"finding\":\"缺少储罐区平面图\"}]")));
    driver.expertReview(instance, "PASS");
    BpmnAwareTests.assertThat(instance).isNotWaitingAt(LicenceApplicationProcess.Elements.CALL_EXPERT_REVIEW);
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
    assertThat(LicenceApplicationProcess.Variables.EXPERT_OPINION.from(variables)).isEqualTo("REVISE");
    assertThat(LicenceApplicationProcess.Variables.EXPERT_COMMENTS.from(variables))
        .contains("需补充完善", "储罐区说明不完整", "储存设施（仓库）产权证明或租赁证明：缺少储罐区平面图", "技术材料符合要求");
    assertThat(clocks.ofCase(id)).filteredOn(clock -> clock.kind() == ClockKind.STATUTORY_DECISION)
        .singleElement().satisfies(clock -> assertThat(clock.state()).isEqualTo(ClockState.RUNNING));

    // the expert keeps the archive of their own opinions; the one who declined has none of this case
    String caseNumber = http.get("/api/applications/" + id, "clerk", "demo").json().path("caseNumber").asText();
    JsonNode mine = http.get("/api/expert-opinions/mine", review.getAssignee(), "demo").json();
    JsonNode thisCase = null;
    for (JsonNode opinion : mine) {
      thisCase = opinion.path("caseNumber").asText().equals(caseNumber) ? opinion : thisCase;
    }
    assertThat(thisCase).as(mine.toString()).isNotNull();
    assertThat(thisCase.path("findings").asText()).contains("缺少储罐区平面图");
    assertThat(http.get("/api/expert-opinions/mine", declined.getAssignee(), "demo").json()
        .findValuesAsText("caseNumber")).doesNotContain(caseNumber);
  }

  @Test
  void theApplicantsAndItsEvaluatorsStaffAndDeclaredConflictsAreExcludedWithTheirReasons() {
    String applicant = CaseDriver.newCreditCode();
    String evaluator = CaseDriver.newCreditCode();
    service.create(new ExpertRequest("insider" + applicant.substring(12), "企业内部专家", List.of("化工工艺"),
        "申请企业", applicant, null, "13900000001", true, List.of()));
    service.create(new ExpertRequest("evaluator" + applicant.substring(12), "评价机构专家", List.of("消防"),
        "某安全评价公司", evaluator, null, "13900000002", true, List.of()));
    service.create(new ExpertRequest("relative" + applicant.substring(12), "申报回避专家", List.of("电气"),
        "某设计院", null, null, "13900000003", true,
        List.of(new ExpertRequest.ConflictRequest(applicant, "配偶在该企业任职"))));

    var started = starter.start(CaseDriver.withParticulars(new ApplicationForm("测试化工有限公司", applicant, "张三",
        "13812345678", "HAZCHEM_SAFE_USE", driver.completeMaterials("HAZCHEM_SAFE_USE"), "某安全评价公司", evaluator)));
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.processInstanceId()).singleResult();
    driver.accept(instance);

    ExpertDraws.DrawRecord record = draws.drawsOf(started.applicationId()).get(0).record();
    assertThat(record.evaluatorCreditCode()).isEqualTo(evaluator);
    assertThat(record.result().exclusions()).extracting(exclusion -> exclusion.name() + "：" + exclusion.reasons())
        .contains("企业内部专家：[受聘于申请企业]", "评价机构专家：[受聘于为申请企业出具安全评价报告的机构]",
            "申报回避专家：[申报回避：配偶在该企业任职]");
    // the three are inactive again, so that other tests' draws stay among the demo experts
    deactivate(service, "insider", "evaluator", "relative", applicant);
  }

  @Test
  void aDesignReviewAlsoDrawsATechnicalAgencyUnderTheSameRules() {
    String applicant = CaseDriver.newCreditCode();
    String evaluator = CaseDriver.newCreditCode();
    String fine = CaseDriver.newCreditCode();
    assertThat(http.postJson("/api/agencies", "chief", "demo", Map.of("name", "某安全评价公司", "creditCode", evaluator,
        "qualification", "APJ-（沪）-001", "contactName", "钱工", "phone", "021-55551111")).status()).isEqualTo(201);
    assertThat(http.postJson("/api/agencies", "chief", "demo", Map.of("name", "回避的技术服务公司",
        "creditCode", CaseDriver.newCreditCode(), "qualification", "APJ-（沪）-002", "contactName", "孙工",
        "phone", "021-55552222", "conflicts", List.of(Map.of("creditCode", applicant, "reason", "为其编制过应急预案"))))
        .status()).isEqualTo(201);
    TestHttp.Response created = http.postJson("/api/agencies", "chief", "demo", Map.of("name", "市安全技术研究中心",
        "creditCode", fine, "qualification", "APJ-（沪）-003", "contactName", "李工", "phone", "021-55553333"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(http.postJson("/api/agencies", "chief", "demo", Map.of("name", "无代码机构", "creditCode", "123",
        "qualification", "x", "contactName", "x", "phone", "13900000000")).json().path("message").asText())
        .startsWith("统一社会信用代码：");

    var started = starter.start(CaseDriver.withParticulars(new ApplicationForm("某化工项目公司", applicant, "张三",
        "13812345678", "HAZCHEM_PROJECT_DESIGN_REVIEW", driver.completeMaterials("HAZCHEM_PROJECT_DESIGN_REVIEW"),
        "某安全评价公司", evaluator)));
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.processInstanceId()).singleResult();
    driver.accept(instance);

    ExpertDraws.DrawView draw = draws.drawsOf(started.applicationId()).get(0);
    assertThat(draw.record().result().picks()).hasSize(5);
    PanelDraw.AgencyResult agency = draw.record().agencyResult();
    assertThat(agency.name()).isEqualTo("市安全技术研究中心");
    assertThat(agency.exclusions()).extracting(exclusion -> exclusion.name() + "：" + exclusion.reasons())
        .contains("某安全评价公司：[为申请企业出具了安全评价报告]", "回避的技术服务公司：[申报回避：为其编制过应急预案]");
    assertThat(verifications.verify(draw.id()).reproduced()).isTrue();
    assertThat(draws.agencyOf(started.applicationId())).get().extracting(TechnicalAgency::creditCode).isEqualTo(fine);
    // retire the agencies, so that the next design review's draw is its own
    for (TechnicalAgency each : http.get("/api/agencies", "officer", "demo").json().findValues("id").stream()
        .map(id -> agencies.findById(id.asLong()).orElseThrow()).toList()) {
      agencyService.update(each.id(), new AgencyService.AgencyRequest(each.name(), each.creditCode(), each.qualification(),
          each.contactName(), each.phone(), false, List.of()));
    }
  }

  @Test
  void whenNobodyIsLeftToReplaceADeclineTheBranchEndsAndTheOfficerIsTold() {
    ProcessInstance instance = driver.acceptedCase("PRECURSOR_CHEM_RECORD");
    long id = driver.applicationId(instance);
    for (int round = 0; round < 100; round++) {
      List<Task> invitations = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION);
      if (invitations.isEmpty()) {
        break;
      }
      driver.completeAssigned(invitations.get(0), form()
          .putValue(ExpertReviewProcess.Variables.PARTICIPATION_DECISION.name(), ExpertReviewProcess.Values.DECLINE)
          .putValue(ExpertReviewProcess.Variables.DECLINE_REASON.name(), "本人回避"));
    }
    assertThat(draws.panel(id)).isNotEmpty().allSatisfy(a -> assertThat(a.state()).isEqualTo(Assignment.State.DECLINED));
    assertThat(draws.drawsOf(id).get(draws.drawsOf(id).size() - 1).record().result().shortfalls()).isNotEmpty();
    BpmnAwareTests.assertThat(instance).isNotWaitingAt(LicenceApplicationProcess.Elements.CALL_EXPERT_REVIEW);
    assertThat(LicenceApplicationProcess.Variables.EXPERT_COMMENTS.from(engine.getRuntimeService()
        .getVariables(instance.getId()))).contains("没有专家提交预审意见");
  }

  @Test
  void theReminderFollowsTheInspectionClockWhenItIsPausedOrExtended() {
    ProcessInstance instance = driver.acceptedCase("HAZCHEM_SAFE_USE");
    long id = driver.applicationId(instance);
    for (Task invitation : driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION)) {
      driver.completeAssigned(invitation, form().putValue(ExpertReviewProcess.Variables.PARTICIPATION_DECISION.name(),
          ExpertReviewProcess.Values.PARTICIPATE));
    }
    String reviewInstance = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW).get(0)
        .getProcessInstanceId();
    java.util.function.Supplier<List<Date>> reminders = () -> engine.getManagementService().createJobQuery()
        .processInstanceId(reviewInstance).activityId(ExpertReviewProcess.Elements.TIMER_PRE_REVIEW_REMINDER).list()
        .stream().map(Job::getDuedate).toList();
    assertThat(reminders.get()).hasSize(3);

    clocks.extend(id, ClockKind.INSPECTION, 2, "企业申请推迟现场核查，分管局长批准");
    Date warning = Date.from(clocks.ofCase(id).stream().filter(c -> c.kind() == ClockKind.INSPECTION).findFirst()
        .orElseThrow().warnAt().toInstant());
    assertThat(reminders.get()).containsOnly(warning);
    clocks.pause(id, ClockKind.INSPECTION, "企业停产检修");
    assertThat(reminders.get()).allSatisfy(due -> assertThat(due).isAfter(Date.from(java.time.Instant.parse("2999-01-01T00:00:00Z"))));
  }

  /**
   * No expert of the pool may review this applicant: each has declared a conflict with it. The pool
   * is empty for this case alone — the draws of every other case (and test) are untouched.
   */
  @Test
  void anEmptyPoolDoesNotStopTheCaseTheShortfallIsRecordedAndTheOfficerTold() {
    String applicant = CaseDriver.newCreditCode();
    for (Expert expert : service.all()) {
      if (expert.active()) {
        List<ExpertRequest.ConflictRequest> conflicts = new java.util.ArrayList<>(expert.conflicts().stream()
            .map(c -> new ExpertRequest.ConflictRequest(c.creditCode(), c.reason())).toList());
        conflicts.add(new ExpertRequest.ConflictRequest(applicant, "曾为该企业提供咨询服务"));
        service.update(expert.id(), new ExpertRequest(expert.userId(), expert.name(),
            expert.specialties().stream().map(Specialty::displayName).toList(), expert.employer(),
            expert.employerCreditCode(), expert.region(), expert.phone(), true, conflicts));
      }
    }
    ProcessInstance instance = driver.start("clerk",
        CaseDriver.intakeForm(applicant, "HAZCHEM_SAFE_USE", driver.completeMaterials("HAZCHEM_SAFE_USE")));
    driver.accept(instance);
    long id = driver.applicationId(instance);
    assertThat(driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION)).isEmpty();
    assertThat(draws.drawsOf(id).get(0).record().result().shortfalls()).contains("合格专家不足：需要 3 名，只抽到 0 名");
    assertThat(LicenceApplicationProcess.Variables.EXPERT_COMMENTS.from(engine.getRuntimeService()
        .getVariables(instance.getId()))).contains("没有专家提交预审意见");
    BpmnAwareTests.assertThat(instance).isWaitingAt(LicenceApplicationProcess.Elements.TASK_SCHEDULE_INSPECTION);
  }

  private void deactivate(ExpertService service, String... prefixesAndCode) {
    String suffix = prefixesAndCode[prefixesAndCode.length - 1].substring(12);
    for (int i = 0; i < prefixesAndCode.length - 1; i++) {
      Expert expert = experts.findByUserId(prefixesAndCode[i] + suffix).orElseThrow();
      service.update(expert.id(), new ExpertRequest(expert.userId(), expert.name(),
          expert.specialties().stream().map(Specialty::displayName).toList(), expert.employer(),
          expert.employerCreditCode(), expert.region(), expert.phone(), false,
          expert.conflicts().stream().map(c -> new ExpertRequest.ConflictRequest(c.creditCode(), c.reason())).toList()));
    }
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
  }
}
