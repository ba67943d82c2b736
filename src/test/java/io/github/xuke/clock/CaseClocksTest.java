package io.github.xuke.clock;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import io.github.xuke.clock.process.CaseClockProcess;
import static io.github.xuke.application.process.CaseDriver.form;
import static io.github.xuke.application.process.CaseDriver.intakeForm;
import static io.github.xuke.application.process.CaseDriver.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xuke.ProcessCoverage;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.calendar.CalendarService;
import io.github.xuke.calendar.HolidayYear;
import io.github.xuke.calendar.WorkingDays;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Clocks move and every move is recorded: a pause stops the timers and moves the due by the
 * working days it lasted; an extension moves it by exactly its days; a new calendar year moves a
 * provisional due — and the watch's timers and the tasks' due dates move with it.
 */
@XukeTest
@ProcessCoverage(process = CaseClockProcess.PROCESS_ID, atLeast = 1.0)
class CaseClocksTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final List<String> ALL_MATERIALS = CaseDriver.STORAGE_MATERIALS;

  @Autowired ProcessEngine engine;
  @Autowired CaseClocks clocks;
  @Autowired CalendarService calendar;
  @Autowired WorkingDays workingDays;
  @Autowired io.github.xuke.notice.Notices notices;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CaseDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPauseStopsTheTimersAndMovesTheDueByTheWorkingDaysItLasted() {
    at("2026-03-02T09:00");
    Case c = acceptedCase();
    CaseClock before = c.clock(ClockKind.INSPECTION);
    assertThat(before.dueAt().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 5));

    driver.as("officer", () -> clocks.pause(c.id, ClockKind.INSPECTION, "企业申请推迟现场核查"));
    assertThat(timer(before, CaseClockProcess.Elements.TIMER_WARNING).getDuedate())
        .as("a paused clock cannot fire").isAfter(Date.from(java.time.Instant.parse("2999-01-01T00:00:00Z")));
    at("2026-03-04T15:00"); // two working days later
    driver.as("officer", () -> clocks.resume(c.id, ClockKind.INSPECTION, "企业已具备核查条件"));

    CaseClock after = c.clock(ClockKind.INSPECTION);
    assertThat(after.state()).isEqualTo(ClockState.RUNNING);
    assertThat(after.dueAt().atZoneSameInstant(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(timer(after, CaseClockProcess.Elements.TIMER_WARNING).getDuedate())
        .isEqualTo(Date.from(after.warnAt().toInstant()));
    assertThat(driver.task(c.instance, LicenceApplicationProcess.Elements.TASK_SCHEDULE_INSPECTION).getDueDate())
        .isEqualTo(Date.from(after.dueAt().toInstant()));
    assertThat(clocks.history(after.id())).extracting(ClockEvent::event, ClockEvent::actor)
        .containsSubsequence(org.assertj.core.groups.Tuple.tuple("PAUSED", "officer"),
            org.assertj.core.groups.Tuple.tuple("RESUMED", "officer"));
    assertThat(clocks.history(after.id())).last().satisfies(event -> {
      assertThat(event.reason()).contains("暂停 2 个工作日", "企业已具备核查条件");
      assertThat(event.dueBefore()).isEqualTo(before.dueAt());
    });
  }

  @Test
  void theInspectionWarningAndBreachFireAtTheRightMoments() {
    at("2026-09-29T16:30"); // day 0 is Tuesday 29 September; 1–7 October are the National Day holiday
    Case c = acceptedCase();
    CaseClock inspection = c.clock(ClockKind.INSPECTION);
    Job warning = timer(inspection, CaseClockProcess.Elements.TIMER_WARNING);
    assertThat(engine.getRuntimeService().getVariables(inspection.processInstanceId()).keySet())
        .as("a watch carries only what its timers and gateway read: most clocks are met")
        .containsExactlyInAnyOrder("clockId", "clockKind", "warnAt", "dueAt");
    // day 1 is 30 September, day 2 is 8 October: warned at the end of day 2, breached at the end of day 3
    assertThat(warning.getDuedate()).isEqualTo(endOf("2026-10-08"));

    at("2026-10-08T23:59");
    assertThat(jobsDue(inspection)).as("nothing fires before the warning moment").isZero();
    at("2026-10-09T00:00");
    engine.getManagementService().executeJob(warning.getId());
    assertThat(c.clock(ClockKind.INSPECTION).warnedAt()).isNotNull();
    Job due = timer(inspection, CaseClockProcess.Elements.TIMER_DUE);
    assertThat(due.getDuedate()).isEqualTo(endOf("2026-10-09"));
    assertThat(jobsDue(inspection)).isZero();

    at("2026-10-10T00:00");
    assertThat(jobsDue(inspection)).isEqualTo(1);
    engine.getManagementService().executeJob(due.getId());
    assertThat(c.clock(ClockKind.INSPECTION).state()).isEqualTo(ClockState.BREACHED);
    org.camunda.bpm.engine.task.Task supervision = engine.getTaskService().createTaskQuery()
        .processInstanceId(inspection.processInstanceId()).taskCandidateGroup("deputy-director").singleResult();
    // one working day after the due of 9 October: Saturday 10 October is a working day (调休)
    assertThat(supervision.getDueDate()).as("supervised within one working day of the due").isEqualTo(endOf("2026-10-10"));
    assertThat(engine.getTaskService().getVariables(supervision.getId()))
        .as("the supervision shows the case and the clock, written at the breach")
        .containsEntry("caseNumber", LicenceApplicationProcess.Variables.CASE_NUMBER.from(
            engine.getRuntimeService().getVariables(c.instance().getId())))
        .containsEntry("enterpriseName", LicenceApplicationProcess.Variables.ENTERPRISE_NAME.from(
            engine.getRuntimeService().getVariables(c.instance().getId())))
        .containsEntry("clockLabel", ClockKind.INSPECTION.label())
        .containsKeys("clockDueText", "licenceTypeName", "applicationId");

    driver.as("deputy", () -> {
      engine.getTaskService().claim(supervision.getId(), "deputy");
      engine.getFormService().submitTaskForm(supervision.getId(), CaseDriver.form()
          .putValue(CaseClockProcess.Variables.SUPERVISION_INSTRUCTION.name(), "请承办人今日完成现场核查"));
      return null;
    });
    BpmnAwareTests.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(inspection.processInstanceId()).singleResult()).isNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(inspection.processInstanceId())
        .activityId(CaseClockProcess.Elements.END_BREACH_SUPERVISED).count()).isEqualTo(1);
  }

  @Test
  void overdueToleratedItemsAreTheChiefsToDecideAndAnExtensionWatchesTheClockAgain() {
    Overdue overdue = overdueSupply();
    long id = overdue.id();
    CaseClock supply = overdue.supply();
    org.camunda.bpm.engine.task.Task decision = overdue.decision();
    assertThat(decision).as("the chief decides; the deputy director supervises nothing here").isNotNull();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(supply.processInstanceId())
        .taskDefinitionKey(CaseClockProcess.Elements.TASK_SUPERVISE_BREACHED_CLOCK).count()).isZero();

    driver.as("chief", () -> {
      engine.getTaskService().claim(decision.getId(), "chief");
      assertThatThrownBy(() -> engine.getFormService().submitTaskForm(decision.getId(), CaseDriver.form()
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION.name(), CaseClockProcess.Values.EXTEND)
          .putValue(CaseClockProcess.Variables.SUPPLY_EXTENSION_DAYS.name(), 61)
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION_REASON.name(), "企业申请延期")))
          .hasMessageContaining("延长天数应在 1 到 60 之间");
      engine.getFormService().submitTaskForm(decision.getId(), CaseDriver.form()
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION.name(), CaseClockProcess.Values.EXTEND)
          .putValue(CaseClockProcess.Variables.SUPPLY_EXTENSION_DAYS.name(), 5)
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION_REASON.name(), "企业正在办理备案，申请延期"));
      return null;
    });
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(supply.processInstanceId())
        .activityId(CaseClockProcess.Elements.END_SUPPLY_DEADLINE_EXTENDED).count()).isEqualTo(1);
    CaseClock extended = clocks.ofCase(id).stream().filter(c -> c.kind() == ClockKind.TOLERATED_SUPPLY).findFirst().orElseThrow();
    assertThat(extended.state()).isEqualTo(ClockState.RUNNING);
    assertThat(extended.extensionValue()).isEqualTo(5);
    assertThat(extended.processInstanceId()).as("a new watch").isNotEqualTo(supply.processInstanceId());
    assertThat(clocks.history(extended.id())).extracting(ClockEvent::reason)
        .anyMatch(reason -> reason.startsWith("逾期后延长 5 个工作日：企业正在办理备案"));
  }

  @Test
  void aCaseWithdrawnForOverdueToleratedItemsEndsWithItsNoticeAndItsClocks() {
    Overdue overdue = overdueSupply();
    ProcessInstance instance = overdue.instance();
    long id = overdue.id();
    CaseClock supply = overdue.supply();
    org.camunda.bpm.engine.task.Task decision = overdue.decision();
    driver.as("chief", () -> {
      engine.getTaskService().claim(decision.getId(), "chief");
      assertThatThrownBy(() -> engine.getFormService().submitTaskForm(decision.getId(), CaseDriver.form()
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION.name(), CaseClockProcess.Values.WITHDRAW)
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION_REASON.name(), " ")))
          .hasMessageContaining("请说明处理理由");
      engine.getFormService().submitTaskForm(decision.getId(), CaseDriver.form()
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION.name(), CaseClockProcess.Values.WITHDRAW)
          .putValue(CaseClockProcess.Variables.SUPPLY_DECISION_REASON.name(), "逾期未补交安全生产规章制度"));
      return null;
    });

    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(supply.processInstanceId())
        .activityId(CaseClockProcess.Elements.END_CASE_WITHDRAWN).count()).isEqualTo(1);
    BpmnAwareTests.assertThat(instance).isEnded()
        .hasPassed(io.github.xuke.application.process.LicenceApplicationProcess.Elements.TASK_RECORD_WITHDRAWAL);
    assertThat(notices.ofCase(id)).extracting(io.github.xuke.notice.CaseNotice::kind)
        .contains(io.github.xuke.notice.CaseNotice.NoticeKind.WITHDRAWAL);
    assertThat(clocks.ofCase(id)).noneMatch(clock -> clock.state().open());
    assertThat(clocks.history(supply.id())).extracting(ClockEvent::reason).contains("决定退办：逾期未补交安全生产规章制度");
  }

  /** A case with a tolerated item, past its supply deadline: the watch's timers fired, the chief's decision open. */
  record Overdue(ProcessInstance instance, long id, CaseClock supply, org.camunda.bpm.engine.task.Task decision) {}

  private Overdue overdueSupply() {
    at("2026-03-02T09:00");
    List<String> withoutRules = ALL_MATERIALS.stream().filter(code -> !code.equals("SAFETY_RULES")).toList();
    ProcessInstance instance = driver.start("clerk", intakeForm(newCreditCode(), "HAZCHEM_OPERATION_STORAGE", withoutRules));
    driver.accept(instance);
    long id = driver.applicationId(instance);
    CaseClock supply = clocks.ofCase(id).stream().filter(c -> c.kind() == ClockKind.TOLERATED_SUPPLY).findFirst().orElseThrow();
    at("2026-03-20T09:00"); // past the supply deadline of 16 March
    driver.fire(supply.processInstanceId(), CaseClockProcess.Elements.TIMER_WARNING);
    driver.fire(supply.processInstanceId(), CaseClockProcess.Elements.TIMER_DUE);
    return new Overdue(instance, id, supply, engine.getTaskService().createTaskQuery()
        .processInstanceId(supply.processInstanceId())
        .taskDefinitionKey(CaseClockProcess.Elements.TASK_DECIDE_OVERDUE_SUPPLY).singleResult());
  }

  private long jobsDue(CaseClock clock) {
    return engine.getManagementService().createJobQuery().processInstanceId(clock.processInstanceId())
        .executable().count();
  }

  private static Date endOf(String day) {
    return Date.from(LocalDate.parse(day).atTime(23, 59, 59).atZone(SHANGHAI).toInstant());
  }

  @Test
  void anExtensionMovesTheDueByExactlyItsWorkingDaysAndNeedsAReason() {
    at("2026-04-01T10:00");
    Case c = acceptedCase();
    CaseClock before = c.clock(ClockKind.STATUTORY_DECISION);
    assertThatThrownBy(() -> clocks.extend(c.id, ClockKind.STATUTORY_DECISION, 10, " "))
        .hasMessageContaining("必须说明理由");

    driver.as("deputy", () -> clocks.extend(c.id, ClockKind.COMMITTED_DECISION, 10, "需组织专家复核"));

    CaseClock after = c.clock(ClockKind.COMMITTED_DECISION);
    LocalDate start = after.startedAt().atZoneSameInstant(SHANGHAI).toLocalDate();
    LocalDate oldDue = workingDays.calendar().due(start, 5).date();
    assertThat(after.dueAt().atZoneSameInstant(SHANGHAI).toLocalDate())
        .isEqualTo(workingDays.calendar().due(oldDue, 10).date());
    assertThat(timer(after, CaseClockProcess.Elements.TIMER_DUE)).isNull(); // warning timer first
    assertThat(timer(after, CaseClockProcess.Elements.TIMER_WARNING).getDuedate())
        .isEqualTo(Date.from(after.warnAt().toInstant()));
    assertThat(clocks.history(after.id())).last().satisfies(event -> {
      assertThat(event.event()).isEqualTo("EXTENDED");
      assertThat(event.actor()).isEqualTo("deputy");
      assertThat(event.reason()).contains("延长 10 个工作日", "需组织专家复核");
    });
    assertThat(before.state()).as("expert review is under way").isEqualTo(ClockState.PAUSED);
  }

  @Test
  void loadingTheMissingYearMovesProvisionalDeadlinesWithTheReasonRecorded() {
    at("2035-12-27T10:00");
    Case c = acceptedCase();
    CaseClock before = c.clock(ClockKind.COMMITTED_DECISION);
    assertThat(before.provisional()).isTrue();

    driver.as("admin", () -> {
      calendar.load(2035, HolidayYear.of(Set.of(LocalDate.of(2035, 1, 1)), Set.of()), "测试", "admin");
      calendar.load(2036, HolidayYear.of(Set.of(LocalDate.of(2036, 1, 1), LocalDate.of(2036, 1, 2)), Set.of()),
          "测试", "admin");
      return null;
    });

    CaseClock after = c.clock(ClockKind.COMMITTED_DECISION);
    assertThat(after.provisional()).isFalse();
    assertThat(after.dueAt()).isAfter(before.dueAt());
    assertThat(timer(after, CaseClockProcess.Elements.TIMER_WARNING).getDuedate())
        .isEqualTo(Date.from(after.warnAt().toInstant()));
    assertThat(clocks.history(after.id())).last().satisfies(event -> {
      assertThat(event.event()).isEqualTo("RECALCULATED");
      assertThat(event.reason()).isEqualTo("2036 年节假日安排已导入");
      assertThat(event.dueBefore()).isEqualTo(before.dueAt());
      assertThat(event.dueAfter()).isEqualTo(after.dueAt());
    });
  }

  @Test
  void expertReviewDoesNotCountForTheStatutoryLimit() {
    at("2026-03-02T09:00");
    Case c = acceptedCase();
    assertThat(c.clock(ClockKind.STATUTORY_DECISION).state()).as("paused while the experts review").isEqualTo(ClockState.PAUSED);
    assertThat(c.clock(ClockKind.COMMITTED_DECISION).state()).isEqualTo(ClockState.RUNNING);
    CaseClock before = c.clock(ClockKind.STATUTORY_DECISION);

    at("2026-03-05T11:00"); // three working days of expert review
    driver.expertReview(c.instance, "PASS");

    CaseClock after = c.clock(ClockKind.STATUTORY_DECISION);
    assertThat(after.state()).isEqualTo(ClockState.RUNNING);
    assertThat(after.pausedValue()).isEqualTo(3);
    assertThat(after.dueAt()).isAfter(before.dueAt());
    assertThat(clocks.history(after.id())).extracting(ClockEvent::reason)
        .anySatisfy(reason -> assertThat(reason).contains("专家预审技术材料"));
  }

  @Test
  void theCorrectionNoticeLimitMissedDeemsTheApplicationAccepted() {
    at("2026-05-06T09:00");
    ProcessInstance instance = driver.start("clerk", intakeForm(newCreditCode(), "HAZCHEM_SAFE_USE", List.of()));
    long id = driver.applicationId(instance);
    CaseClock notice = clocks.ofCase(id).get(0);
    at("2026-05-14T09:00");
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(notice.processInstanceId()).list()) {
      engine.getManagementService().executeJob(job.getId());
    }
    Job due = timer(clocks.ofCase(id).get(0), CaseClockProcess.Elements.TIMER_DUE);
    engine.getManagementService().executeJob(due.getId());

    CaseClock breached = clocks.ofCase(id).get(0);
    assertThat(breached.state()).isEqualTo(ClockState.BREACHED);
    assertThat(clocks.history(breached.id())).anySatisfy(event -> {
      assertThat(event.event()).isEqualTo("DEEMED_ACCEPTED");
      assertThat(event.reason()).contains("第三十二条", "2026-05-06");
    });
    driver.requestCorrection(instance);
    driver.complete(instance, LicenceApplicationProcess.Elements.TASK_ISSUE_CORRECTION_NOTICE, "clerk", form());
    assertThat(clocks.ofCase(id).get(0).metAt()).isNotNull();
  }

  @Test
  void resubmittedCorrectionsStartTheFiveWorkingDaysAnew() {
    at("2026-03-02T09:00");
    List<String> withoutReport = ALL_MATERIALS.stream().filter(code -> !code.equals("SAFETY_ASSESSMENT_REPORT")).toList();
    ProcessInstance instance = driver.start("clerk", intakeForm(newCreditCode(), "HAZCHEM_OPERATION_STORAGE", withoutReport));
    long id = driver.applicationId(instance);
    driver.requestCorrection(instance);
    driver.complete(instance, LicenceApplicationProcess.Elements.TASK_ISSUE_CORRECTION_NOTICE, "clerk", form());
    assertThat(clocks.ofCase(id).get(0).state()).isEqualTo(ClockState.MET);

    at("2026-03-20T10:00"); // a Friday: five working days end on Friday 27 March
    driver.complete(instance, LicenceApplicationProcess.Elements.TASK_RECEIVE_CORRECTION, "clerk", form()
        .putValue(LicenceApplicationProcess.Variables.CORRECTION_OUTCOME.name(), LicenceApplicationProcess.Values.RESUBMITTED)
        .putValue(LicenceApplicationProcess.Variables.SUBMITTED_MATERIALS.name(), org.camunda.spin.Spin.JSON(ALL_MATERIALS)));

    CaseClock restarted = clocks.ofCase(id).get(0);
    assertThat(restarted.state()).isEqualTo(ClockState.RUNNING);
    assertThat(restarted.dueAt().toInstant()).isEqualTo(endOf("2026-03-27").toInstant());
    assertThat(driver.task(instance, LicenceApplicationProcess.Elements.TASK_ACCEPT_APPLICATION).getDueDate())
        .isEqualTo(endOf("2026-03-27"));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(restarted.processInstanceId()).count())
        .as("a new watch").isEqualTo(1);
    assertThat(clocks.history(restarted.id())).extracting(ClockEvent::event)
        .containsSubsequence("STARTED", "MET", "RESTARTED");
  }

  @Test
  void theEnterpriseIsRemindedOfMissingItemsBeforeTheSupplyDeadline() {
    at("2026-03-02T09:00");
    List<String> withoutTwo = ALL_MATERIALS.stream()
        .filter(code -> !code.equals("EMERGENCY_PLAN") && !code.equals("SAFETY_RULES")).toList();
    ProcessInstance instance = driver.start("clerk", intakeForm(newCreditCode(), "HAZCHEM_OPERATION_STORAGE", withoutTwo));
    driver.accept(instance);
    long id = driver.applicationId(instance);
    CaseClock supply = clocks.ofCase(id).stream().filter(c -> c.kind() == ClockKind.TOLERATED_SUPPLY).findFirst().orElseThrow();

    at("2026-03-14T09:00");
    driver.fire(supply.processInstanceId(), CaseClockProcess.Elements.TIMER_WARNING);

    assertThat(notices.ofCase(id)).filteredOn(n -> n.kind() == io.github.xuke.notice.CaseNotice.NoticeKind.SUPPLY_REMINDER)
        .singleElement().satisfies(reminder -> assertThat(reminder.content())
            .contains("生产安全事故应急预案及备案证明", "安全生产规章制度和岗位操作规程目录", "2026年3月16日"));
  }

  /** An accepted case and its id. */
  record Case(ProcessInstance instance, long id, CaseClocks clocks) {
    CaseClock clock(ClockKind kind) {
      return clocks.ofCase(id).stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }
  }

  private Case acceptedCase() {
    ProcessInstance instance = driver.acceptedCase("HAZCHEM_OPERATION_STORAGE");
    return new Case(instance, driver.applicationId(instance), clocks);
  }

  private Job timer(CaseClock clock, String timerId) {
    return engine.getManagementService().createJobQuery().processInstanceId(clock.processInstanceId())
        .activityId(timerId).singleResult();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
  }
}
