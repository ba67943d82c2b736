package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static io.github.xuke.application.process.CaseDriver.form;
import static io.github.xuke.application.process.CaseDriver.intakeForm;
import static io.github.xuke.application.process.CaseDriver.newCreditCode;
import static io.github.xuke.application.process.CaseDriver.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xuke.ProcessCoverage;
import io.github.xuke.XukeTest;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.application.ApplicationStatus;
import io.github.xuke.application.ArchiveService;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.CaseNotice.NoticeKind;
import io.github.xuke.notice.Notices;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.application.process.LicenceApplicationProcess.Values;
import io.github.xuke.licence.Licence;
import io.github.xuke.licence.LicenceService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import io.github.xuke.clock.CaseClock;
import io.github.xuke.clock.process.CaseClockProcess;
import io.github.xuke.clock.CaseClocks;
import io.github.xuke.clock.ClockKind;
import io.github.xuke.clock.ClockState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process {@code LicenceApplication}: every path, worked as staff work it in Tasklist, with the
 * real delegates and tables. Together the tests reach every flow node and sequence flow of the
 * process, which the coverage library checks after the class (report in
 * {@code target/process-test-coverage}).
 */
@XukeTest
@ProcessCoverage(process = LicenceApplicationProcess.PROCESS_ID, atLeast = 1.0)
class LicenceApplicationProcessTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String HAZCHEM_STORAGE = "HAZCHEM_OPERATION_STORAGE";
  static final List<String> ALL_MATERIALS = CaseDriver.STORAGE_MATERIALS;

  @Autowired ProcessEngine engine;
  @Autowired ApplicationRepository applications;
  @Autowired MaterialItemRepository materials;
  @Autowired Notices notices;
  @Autowired LicenceService licences;
  @Autowired ArchiveService archive;
  @Autowired CaseClocks clocks;

  CaseDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new CaseDriver(engine);
    at("2026-03-02T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance start(VariableMap form) {
    return driver.start("clerk", form);
  }

  @Test
  void completeApplicationGoesFromIntakeToArchive() {
    ProcessInstance instance = start(
        intakeForm(newCreditCode(), HAZCHEM_STORAGE, ALL_MATERIALS));
    BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_ACCEPT_APPLICATION);
    long id = driver.applicationId(instance);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult().getBusinessKey())
        .isEqualTo(applications.get(id).caseNumber())
        .matches("XK-2026-\\d{6}");

    driver.accept(instance);
    reviewAndApprove(instance); // the inspection on Tuesday 09:00, the approval right after it (CaseDriver.inspect)
    at("2026-03-04T16:00");
    driver.complete(instance, TASK_SIGN_ONLINE, "deputy", form()
        .putValue(SIGNATURE_CONFIRMED.name(), true).putValue(SIGNATURE_REMARK.name(), ""));
    driver.complete(instance, TASK_DELIVER_LICENCE, "clerk", form()
        .putValue(DELIVERY_METHOD.name(), "PICKUP"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_ISSUE_LICENCE, TASK_COMPLETE_CASE,
        TASK_ARCHIVE_CASE, END_CASE_ARCHIVED);
    LicenceApplication application = applications.get(id);
    assertThat(application.status()).isEqualTo(ApplicationStatus.ARCHIVED);
    assertThat(application.decidedBy()).isEqualTo("chief");
    assertThat(application.acceptedBy()).isEqualTo("clerk");
    assertThat(application.licenceTypeName()).as("stored at intake").isEqualTo("危险化学品经营许可证（带储存设施）");
    assertThat(application.validityYears()).isEqualTo(3);
    Licence licence = licences.ofCase(id).orElseThrow();
    assertThat(licence.licenceNumber()).matches("市应急危化经字〔2026〕\\d{6}");
    assertThat(licence.issueDate()).as("issued at approval, not after the signature").isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(licence.validUntil()).isEqualTo(LocalDate.of(2029, 3, 2));
    assertThat(kinds(id)).as("the decision, and its re-issue signed when the deputy signed")
        .containsExactly(NoticeKind.ACCEPTANCE, NoticeKind.APPROVAL, NoticeKind.APPROVAL);
    assertThat(notices.ofCase(id)).extracting(CaseNotice::noticeNumber)
        .allMatch(number -> number.matches("市应急许(受|准)字〔2026〕\\d{6}号"));
    CaseNotice signed = notices.ofCase(id).get(2);
    assertThat(signed.signed()).isTrue();
    assertThat(signed.reissueOf()).isEqualTo(notices.ofCase(id).get(1).id());
    assertThat(signed.noticeNumber()).isEqualTo(notices.ofCase(id).get(1).noticeNumber());
    assertThat(signed.signedBy()).isEqualTo("deputy");
    assertThat(licence.signedAt()).as("the certificate signed too").isNotNull();
    assertThat(licences.ofCase(id).orElseThrow().signedBy()).isEqualTo("deputy");
    assertThat(archive.find(id)).get().asString()
        .contains("\"activityId\":\"Task_ApproveLicence\"", "\"by\":\"chief\"", "\"by\":\"deputy\"",
            licence.licenceNumber(), "SAFETY_ASSESSMENT_REPORT");
  }

  @Test
  void missingNonKeyItemsAreToleratedListedOnceAndGateDelivery() {
    List<String> handedIn = ALL_MATERIALS.stream()
        .filter(code -> !code.equals("SPECIAL_OPERATOR_CERTS") && !code.equals("EMERGENCY_PLAN"))
        .toList();
    ProcessInstance instance = start( intakeForm(newCreditCode(), HAZCHEM_STORAGE, handedIn));
    long id = driver.applicationId(instance);
    assertThat(MATERIAL_OUTCOME.from(variables(instance))).isEqualTo("TOLERATED");

    driver.accept(instance);
    BpmnAwareTests.assertThat(instance).isWaitingAt(CALL_EXPERT_REVIEW, TASK_SCHEDULE_INSPECTION,
        TASK_RECORD_SUPPLIED_MATERIALS);
    CaseNotice oneTime = notices.ofCase(id).stream()
        .filter(notice -> notice.kind() == NoticeKind.ONE_TIME).findFirst().orElseThrow();
    assertThat(oneTime.content()).contains("特种作业人员操作证", "生产安全事故应急预案及备案证明", "2026年3月16日");
    assertThat(materials.findByApplication(id)).filteredOn(item -> item.status() == MaterialStatus.TOLERATED)
        .extracting(item -> item.materialCode())
        .containsExactlyInAnyOrder("SPECIAL_OPERATOR_CERTS", "EMERGENCY_PLAN");

    assertThatThrownBy(() -> driver.supply(instance, "clerk2", Map.of("EMERGENCY_PLAN",
        row("result", "ACCEPTED", "channel", "COURIER"))))
        .hasMessageContaining("邮寄补交，必须填写快递单号");
    driver.supply(instance, "clerk2", Map.of("EMERGENCY_PLAN",
        row("result", "ACCEPTED", "channel", "COURIER", "reference", "EMS9876543210")));
    BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_SUPPLIED_MATERIALS);

    reviewAndApprove(instance);
    driver.complete(instance, TASK_SIGN_ONLINE, "deputy", form().putValue(SIGNATURE_CONFIRMED.name(), true));
    assertThat(licences.ofCase(id)).isPresent();
    assertThat(driver.task(instance, TASK_DELIVER_LICENCE)).as("delivery waits for the tolerated items").isNull();

    driver.supply(instance, "clerk", Map.of("SPECIAL_OPERATOR_CERTS",
        row("result", "ACCEPTED", "channel", "AT_PICKUP")));
    driver.complete(instance, TASK_DELIVER_LICENCE, "clerk", form()
        .putValue(DELIVERY_METHOD.name(), "COURIER").putValue(TRACKING_NUMBER.name(), "SF1234567890"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_CASE_ARCHIVED);
    assertThat(materials.findByApplication(id)).allMatch(item ->
        item.status() == MaterialStatus.SUBMITTED || item.status() == MaterialStatus.SUPPLIED);
    assertThat(materials.findByApplication(id)).filteredOn(item -> item.status() == MaterialStatus.SUPPLIED)
        .extracting(item -> item.materialCode() + "/" + item.supplyChannel() + "/" + item.supplyReference())
        .containsExactlyInAnyOrder("EMERGENCY_PLAN/COURIER/EMS9876543210", "SPECIAL_OPERATOR_CERTS/AT_PICKUP/null");
    assertThat(applications.get(id).trackingNumber()).isEqualTo("SF1234567890");
  }

  @Test
  void missingKeyMaterialNeedsCorrectionThenTheResubmissionIsChecked() {
    List<String> withoutReport = ALL_MATERIALS.stream()
        .filter(code -> !code.equals("SAFETY_ASSESSMENT_REPORT")).toList();
    ProcessInstance instance = start( intakeForm(newCreditCode(), HAZCHEM_STORAGE, withoutReport));
    long id = driver.applicationId(instance);
    BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_ACCEPT_APPLICATION);
    assertThat(MATERIALS_SUMMARY.from(variables(instance))).contains("安全评价报告");
    assertThatThrownBy(() -> driver.accept(instance)).hasMessageContaining("不能受理", "安全评价报告");
    // the clerk also finds a submitted item defective: the one notice names both
    driver.complete(instance, TASK_ACCEPT_APPLICATION, "clerk", form()
        .putValue(ACCEPTANCE_DECISION.name(), Values.CORRECTION)
        .putValue(MATERIAL_REVIEW.name(), driver.edited(instance, MATERIAL_REVIEW, Map.of(
            "BUSINESS_LICENCE", row("result", "DEFECTIVE", "reason", "营业执照已过有效期")))));
    BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_ISSUE_CORRECTION_NOTICE);

    driver.complete(instance, TASK_ISSUE_CORRECTION_NOTICE, "clerk", form()
        .putValue(CORRECTION_REMARK.name(), "请于十个工作日内补正"));
    assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.CORRECTION_REQUESTED);
    assertThat(kinds(id)).containsExactly(NoticeKind.CORRECTION);
    assertThat(notices.ofCase(id).get(0).content()).contains("安全评价报告", "请于十个工作日内补正",
        "营业执照（不合格：营业执照已过有效期；可容缺，受理后补交）");

    driver.complete(instance, TASK_RECEIVE_CORRECTION, "clerk", form()
        .putValue(CORRECTION_OUTCOME.name(), Values.RESUBMITTED)
        .putValue(SUBMITTED_MATERIALS.name(), Spin.JSON(ALL_MATERIALS)));

    BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_ACCEPT_APPLICATION);
    assertThat(MATERIAL_OUTCOME.from(variables(instance))).isEqualTo("COMPLETE");
    assertThat(materials.findByApplication(id)).allMatch(item -> item.status() == MaterialStatus.SUBMITTED);
  }

  @Test
  void correctionNotSuppliedEndsAsNotAccepted() {
    ProcessInstance instance = start( intakeForm(newCreditCode(), HAZCHEM_STORAGE, List.of()));
    long id = driver.applicationId(instance);
    driver.requestCorrection(instance);
    driver.complete(instance, TASK_ISSUE_CORRECTION_NOTICE, "clerk", form());
    driver.complete(instance, TASK_RECEIVE_CORRECTION, "clerk", form()
        .putValue(CORRECTION_OUTCOME.name(), Values.NOT_ACCEPTED)
        .putValue(NON_ACCEPTANCE_REASON.name(), "申请人逾期未补正关键材料"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_RECORD_NON_ACCEPTANCE, END_NOT_ACCEPTED);
    assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
    assertThat(applications.get(id).nonAcceptanceReason()).isEqualTo("申请人逾期未补正关键材料");
    assertThat(kinds(id)).containsExactly(NoticeKind.CORRECTION, NoticeKind.NON_ACCEPTANCE);
  }

  @Test
  void clerkMayRefuseToAcceptWithAReason() {
    ProcessInstance instance = start(
        intakeForm(newCreditCode(), "PRECURSOR_CHEM_RECORD", List.of("APPLICATION_FORM", "BUSINESS_LICENCE",
            "PREMISES_PROOF", "PRECURSOR_PRODUCT_LIST", "PRECURSOR_MANAGEMENT_RULES")));
    long id = driver.applicationId(instance);

    assertThatThrownBy(() -> driver.complete(instance, TASK_ACCEPT_APPLICATION, "clerk", form()
        .putValue(ACCEPTANCE_DECISION.name(), Values.NOT_ACCEPT)))
        .hasMessageContaining("不予受理必须说明理由");
    assertThat(applications.get(id).status()).as("a refused form changes nothing").isEqualTo(ApplicationStatus.RECEIVED);

    driver.complete(instance, TASK_ACCEPT_APPLICATION, "clerk", form()
        .putValue(ACCEPTANCE_DECISION.name(), Values.NOT_ACCEPT)
        .putValue(NON_ACCEPTANCE_REASON.name(), "申请事项不属于本机关职权范围"));
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_NOT_ACCEPTED);
    assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
  }

  @Test
  void refusalEndsTheCaseWithAReasonAndNoLicence() {
    List<String> handedIn = ALL_MATERIALS.stream().filter(code -> !code.equals("SAFETY_RULES")).toList();
    ProcessInstance instance = start( intakeForm(newCreditCode(), HAZCHEM_STORAGE, handedIn));
    long id = driver.applicationId(instance);
    driver.accept(instance);
    driver.expertReview(instance, "FAIL");
    driver.inspect(instance, "FAIL", "罐区与居民区距离不足", List.of());
    driver.complete(instance, TASK_REVIEW_CASE, "officer", form()
        .putValue(REVIEW_RECOMMENDATION.name(), Values.REFUSE).putValue(REVIEW_OPINION.name(), "建议不予许可"));

    assertThatThrownBy(() -> driver.complete(instance, TASK_APPROVE_LICENCE, "chief", form()
        .putValue(APPROVAL_DECISION.name(), Values.REFUSE)))
        .hasMessageContaining("不予许可必须说明理由");
    BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_LICENCE);

    driver.complete(instance, TASK_APPROVE_LICENCE, "chief", form()
        .putValue(APPROVAL_DECISION.name(), Values.REFUSE)
        .putValue(APPROVAL_REASON.name(), "储存设施安全距离不符合国家标准"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(TASK_RECORD_DECISION, END_REFUSED);
    LicenceApplication application = applications.get(id);
    assertThat(application.status()).isEqualTo(ApplicationStatus.REFUSED);
    assertThat(application.decisionReason()).isEqualTo("储存设施安全距离不符合国家标准");
    assertThat(licences.ofCase(id)).isEmpty();
    assertThat(kinds(id)).containsExactly(NoticeKind.ACCEPTANCE, NoticeKind.ONE_TIME, NoticeKind.TOLERANCE_PLEDGE,
        NoticeKind.REFUSAL);
  }

  @Test
  void committedLimitWarnsThenEscalatesToTheDeputyDirectorAndTheCaseGoesOn() {
    at("2026-09-30T10:00");
    ProcessInstance instance = start( intakeForm(newCreditCode(), HAZCHEM_STORAGE, ALL_MATERIALS));
    long id = driver.applicationId(instance);
    driver.accept(instance);

    // day 0 is 30 September; 1–7 October are the National Day holiday, 10 October a make-up Saturday
    Task inspection = driver.task(instance, TASK_SCHEDULE_INSPECTION);
    assertThat(inspection.getDueDate()).isEqualTo(endOf("2026-10-10"));
    assertThat(inspection.getFollowUpDate()).as("warned one working day before").isEqualTo(endOf("2026-10-09"));
    driver.scheduleInspection(instance);
    CaseClock decision = clock(id, ClockKind.COMMITTED_DECISION);
    assertThat(decision.dueAt().toInstant()).isEqualTo(endOf("2026-10-13").toInstant());
    ProcessInstance watch = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(decision.processInstanceId()).singleResult();

    at("2026-10-13T00:00");
    driver.fire(watch.getId(), CaseClockProcess.Elements.TIMER_WARNING);
    assertThat(clock(id, ClockKind.COMMITTED_DECISION).warnedAt()).isNotNull();
    at("2026-10-14T00:00");
    driver.fire(watch.getId(), CaseClockProcess.Elements.TIMER_DUE);

    assertThat(clock(id, ClockKind.COMMITTED_DECISION).state()).isEqualTo(ClockState.BREACHED);
    Task supervise = engine.getTaskService().createTaskQuery().processInstanceId(watch.getId())
        .taskCandidateGroup("deputy-director").singleResult();
    assertThat(supervise.getTaskDefinitionKey()).isEqualTo(CaseClockProcess.Elements.TASK_SUPERVISE_BREACHED_CLOCK);
    BpmnAwareTests.assertThat(instance).as("the case goes on").isWaitingAt(CALL_EXPERT_REVIEW, TASK_ON_SITE_INSPECTION);

    driver.as("deputy", () -> {
      engine.getTaskService().claim(supervise.getId(), "deputy");
      engine.getFormService().submitTaskForm(supervise.getId(), form()
          .putValue(CaseClockProcess.Variables.SUPERVISION_INSTRUCTION.name(), "请承办人两日内完成现场核查并报批"));
      return null;
    });
    BpmnAwareTests.assertThat(watch).isEnded().hasPassed(CaseClockProcess.Elements.END_BREACH_SUPERVISED);

    reviewAndApprove(instance);
    assertThat(clock(id, ClockKind.COMMITTED_DECISION).metAt()).as("done late, still a breach").isNotNull();
    assertThat(clock(id, ClockKind.COMMITTED_DECISION).state()).isEqualTo(ClockState.BREACHED);
    assertThat(clock(id, ClockKind.INSPECTION).state()).isEqualTo(ClockState.BREACHED);
  }

  @Test
  void clocksMetInTimeStopTheirTimers() {
    ProcessInstance instance = start( intakeForm(newCreditCode(), HAZCHEM_STORAGE, ALL_MATERIALS));
    long id = driver.applicationId(instance);
    driver.accept(instance);
    reviewAndApprove(instance);

    assertThat(clock(id, ClockKind.CORRECTION_NOTICE).state()).isEqualTo(ClockState.MET);
    assertThat(clock(id, ClockKind.INSPECTION).state()).isEqualTo(ClockState.MET);
    assertThat(clock(id, ClockKind.COMMITTED_DECISION).state()).isEqualTo(ClockState.MET);
    assertThat(clock(id, ClockKind.STATUTORY_DECISION).state()).isEqualTo(ClockState.MET);
    assertThat(clock(id, ClockKind.DELIVERY).state()).isEqualTo(ClockState.RUNNING);
    for (ClockKind kind : List.of(ClockKind.CORRECTION_NOTICE, ClockKind.INSPECTION, ClockKind.COMMITTED_DECISION)) {
      assertThat(engine.getManagementService().createJobQuery()
          .processInstanceId(clock(id, kind).processInstanceId()).count()).as(kind + " timers").isZero();
    }
    assertThat(driver.task(instance, TASK_DELIVER_LICENCE).getDueDate()).as("delivery within 10 days of the decision")
        .isEqualTo(Date.from(clock(id, ClockKind.DELIVERY).dueAt().toInstant()));
    assertThat(driver.task(instance, TASK_SIGN_ONLINE).getDueDate()).isNotNull();
  }

  @Test
  void overdueToleratedItemsGoToTheChiefWhoExtendsOrWithdraws() {
    List<String> withoutRules = ALL_MATERIALS.stream().filter(code -> !code.equals("SAFETY_RULES")).toList();
    ProcessInstance extended = start(intakeForm(newCreditCode(), HAZCHEM_STORAGE, withoutRules));
    ProcessInstance withdrawn = start(intakeForm(newCreditCode(), HAZCHEM_STORAGE, withoutRules));
    driver.accept(extended);
    driver.accept(withdrawn);

    at("2026-03-20T09:00"); // past the supply deadline of 16 March
    Task extendTask = overdueSupplyDecision(extended);
    driver.as("chief", () -> {
      engine.getTaskService().claim(extendTask.getId(), "chief");
      engine.getFormService().submitTaskForm(extendTask.getId(), form()
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION.name(), CaseClockProcess.Values.EXTEND)
          .putValue(CaseClockProcess.Variables.SUPPLY_EXTENSION_DAYS.name(), 5)
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION_REASON.name(), "企业正在办理备案，申请延期"));
      return null;
    });
    CaseClock supply = clock(driver.applicationId(extended), ClockKind.TOLERATED_SUPPLY);
    assertThat(supply.state()).isEqualTo(ClockState.RUNNING);
    assertThat(supply.extensionValue()).isEqualTo(5);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(supply.processInstanceId()).count())
        .as("a new watch").isEqualTo(1);
    BpmnAwareTests.assertThat(extended).isActive();

    Task withdrawTask = overdueSupplyDecision(withdrawn);
    long withdrawnId = driver.applicationId(withdrawn);
    driver.as("chief", () -> {
      engine.getTaskService().claim(withdrawTask.getId(), "chief");
      engine.getFormService().submitTaskForm(withdrawTask.getId(), form()
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION.name(), CaseClockProcess.Values.WITHDRAW)
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION_REASON.name(), "逾期未补交安全生产规章制度"));
      return null;
    });
    BpmnAwareTests.assertThat(withdrawn).isEnded().hasPassed(TASK_RECORD_WITHDRAWAL, END_CASE_WITHDRAWN);
    assertThat(applications.get(withdrawnId).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    assertThat(kinds(withdrawnId)).contains(NoticeKind.WITHDRAWAL);
    assertThat(clocks.ofCase(withdrawnId)).noneMatch(c -> c.state().open());
  }

  /** Fires the supply clock's timers of a case; returns the chief representative's decision task. */
  private Task overdueSupplyDecision(ProcessInstance instance) {
    CaseClock supply = clock(driver.applicationId(instance), ClockKind.TOLERATED_SUPPLY);
    ProcessInstance watch = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(supply.processInstanceId()).singleResult();
    driver.fire(watch.getId(), CaseClockProcess.Elements.TIMER_WARNING);
    driver.fire(watch.getId(), CaseClockProcess.Elements.TIMER_DUE);
    return engine.getTaskService().createTaskQuery().processInstanceId(watch.getId())
        .taskDefinitionKey(CaseClockProcess.Elements.TASK_DECIDE_OVERDUE_SUPPLY)
        .taskCandidateGroup("chief-representative").singleResult();
  }

  @Test
  void badStartFormChangesNothing() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    BadForm.all().forEach(bad -> assertThatThrownBy(() -> start( bad.form()))
        .hasMessageContaining(bad.expectedMessage()));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  /** Bad start forms and the message each must produce. */
  record BadForm(VariableMap form, String expectedMessage) {
    static List<BadForm> all() {
      String good = newCreditCode();
      String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
      return List.of(
          new BadForm(intakeForm(wrongCheck, HAZCHEM_STORAGE, ALL_MATERIALS), "校验位不正确"),
          new BadForm(intakeForm(good, "NO_SUCH_TYPE", ALL_MATERIALS), "不受理的许可事项"),
          new BadForm(intakeForm(good, HAZCHEM_STORAGE, List.of("PHOTO")), "未知的申请材料代码"));
    }
  }


  @Test
  void anInspectionNeedingRectificationPausesTheDecisionClocksUntilTheRecheck() {
    at("2026-03-02T09:00");
    ProcessInstance instance = start(intakeForm(newCreditCode(), HAZCHEM_STORAGE, ALL_MATERIALS));
    long id = driver.applicationId(instance);
    driver.accept(instance);
    driver.expertReview(instance, "PASS");
    driver.inspect(instance, "RECTIFY", "灭火器过期三具", List.of());
    BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECHECK_RECTIFICATION);
    assertThat(clock(id, ClockKind.STATUTORY_DECISION).state()).isEqualTo(ClockState.PAUSED);
    assertThat(clock(id, ClockKind.COMMITTED_DECISION).state()).isEqualTo(ClockState.PAUSED);

    at("2026-03-06T10:00"); // the enterprise took until Friday
    assertThatThrownBy(() -> driver.complete(instance, TASK_RECHECK_RECTIFICATION, "officer", form()
        .putValue(RECTIFICATION_RESULT.name(), "PASSED")))
        .hasMessageContaining("请写明复查情况");
    driver.complete(instance, TASK_RECHECK_RECTIFICATION, "officer", form()
        .putValue(RECTIFICATION_RESULT.name(), "PASSED")
        .putValue(RECTIFICATION_NOTE.name(), "企业已更换灭火器，提交照片和购买凭证，书面复查合格"));

    BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_REVIEW_CASE);
    assertThat(clock(id, ClockKind.COMMITTED_DECISION).state()).isEqualTo(ClockState.RUNNING);
    // inspected on Tuesday 09:00 (the next working day), re-checked on Friday
    assertThat(clock(id, ClockKind.COMMITTED_DECISION).pausedValue()).as("Tuesday to Friday of rectification").isEqualTo(3);
    Map<String, Object> variables = variables(instance);
    assertThat(INSPECTION_RESULT.from(variables)).isEqualTo("PASS");
    assertThat(INSPECTION_FINDINGS.from(variables)).contains("灭火器过期三具", "整改复查：整改合格。");
    assertThat(EXPERT_COMMENTS.from(variables)).as("the panel's opinions reach the officer's review").contains("技术材料符合要求");
    driver.complete(instance, TASK_REVIEW_CASE, "officer", form()
        .putValue(REVIEW_RECOMMENDATION.name(), Values.APPROVE)
        .putValue(REVIEW_OPINION.name(), "专家预审通过，现场核查整改后合格，建议准予许可"));
    BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_APPROVE_LICENCE);
  }

  private void reviewAndApprove(ProcessInstance instance) {
    driver.expertReview(instance, "PASS");
    driver.inspect(instance, "PASS", "现场与申报材料一致", List.of());
    driver.complete(instance, TASK_REVIEW_CASE, "officer", form()
        .putValue(REVIEW_RECOMMENDATION.name(), Values.APPROVE).putValue(REVIEW_OPINION.name(), "符合许可条件"));
    driver.complete(instance, TASK_APPROVE_LICENCE, "chief", form()
        .putValue(APPROVAL_DECISION.name(), Values.APPROVE));
  }


  private Map<String, Object> variables(ProcessInstance instance) {
    return engine.getRuntimeService().getVariables(instance.getId());
  }

  private CaseClock clock(long applicationId, ClockKind kind) {
    return clocks.ofCase(applicationId).stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
  }


  private List<NoticeKind> kinds(long applicationId) {
    return notices.ofCase(applicationId).stream().map(CaseNotice::kind).toList();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(
        LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
  }

  private static Date endOf(String day) {
    ZonedDateTime end = LocalDate.parse(day).atTime(23, 59, 59).atZone(SHANGHAI);
    return Date.from(end.toInstant());
  }
}
