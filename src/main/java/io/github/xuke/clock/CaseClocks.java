package io.github.xuke.clock;

import io.github.xuke.application.ApplicationRepository;
import io.github.xuke.application.CaseEvents;
import io.github.xuke.application.CaseNotice;
import io.github.xuke.application.CaseNoticeRepository;
import io.github.xuke.application.MaterialItemRepository;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.application.InvalidApplicationException;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.calendar.CalendarYearLoaded;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.licence.LicenceTypeRule;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.XukeProperties;
import io.github.xuke.web.TextFields;
import io.github.xuke.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of every case: started, met, paused, resumed, extended, breached and recalculated,
 * each move recorded with its reason. Each open clock is watched by a {@code CaseClock} process
 * instance whose two timers (warning, due) and the due and follow-up dates of the case's tasks move
 * with the clock, in the same transaction; a paused clock's timers wait in the far future. Timer and due-date expressions call
 * {@code ${caseClocks.dueAt(clockId)}} and {@code ${caseClocks.dueOf(applicationId, 'KIND')}}.
 */
@Service("caseClocks")
@Transactional
public class CaseClocks {

  /** Days of the delivery limit after the decision (《行政许可法》第四十四条). */
  static final int DELIVERY_DAYS = 10;
  /** Working days to issue a correction notice or accept (《行政许可法》第三十二条). */
  static final int CORRECTION_NOTICE_WORKING_DAYS = 5;
  /** Where the timers of a paused clock wait: a paused clock cannot warn or breach. */
  static final OffsetDateTime PAUSED_TIMER = OffsetDateTime.parse("2999-12-31T00:00:00Z");
  /**
   * Longest reason a user gives for a move: {@code clock_event.reason} (1,000) also holds the move's own
   * words and, for an approved extension, the deputy director's comment.
   */
  static final int MAX_REASON = 500;
  private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final ClockRepository clocks;
  private final ApplicationRepository applications;
  private final MaterialItemRepository materials;
  private final CaseNoticeRepository notices;
  private final LicenceRequirements requirements;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final WorkingDays workingDays;
  private final ClockCalculator calculator;
  private final CurrentUser currentUser;
  private final XukeProperties properties;
  private final Clock clock;

  public CaseClocks(ClockRepository clocks, ApplicationRepository applications,
      MaterialItemRepository materials, CaseNoticeRepository notices, LicenceRequirements requirements,
      RuntimeService runtimeService, ManagementService managementService, TaskService taskService,
      WorkingDays workingDays, CurrentUser currentUser, XukeProperties properties, Clock clock) {
    this.clocks = clocks;
    this.applications = applications;
    this.materials = materials;
    this.notices = notices;
    this.requirements = requirements;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.workingDays = workingDays;
    this.calculator = new ClockCalculator(workingDays, properties.clockWarningWorkingDays());
    this.currentUser = currentUser;
    this.properties = properties;
    this.clock = clock;
  }

  // ---- expressions of the diagrams

  public Date dueAt(Long clockId) {
    return Date.from(clocks.get(clockId).dueAt().toInstant());
  }

  public Date warnAt(Long clockId) {
    return Date.from(clocks.get(clockId).warnAt().toInstant());
  }

  /** The due of a case's clock, for task due dates; null when the case has no such clock. */
  public Date dueOf(Long applicationId, String kind) {
    return clocks.find(applicationId, ClockKind.valueOf(kind))
        .map(found -> Date.from(found.dueAt().toInstant())).orElse(null);
  }

  /** The warning moment of a case's clock, for task follow-up dates. */
  public Date warnOf(Long applicationId, String kind) {
    return clocks.find(applicationId, ClockKind.valueOf(kind))
        .map(found -> Date.from(found.warnAt().toInstant())).orElse(null);
  }

  // ---- what the case does

  @EventListener
  void on(CaseEvents.Received received) {
    start(received.applicationId(), ClockKind.CORRECTION_NOTICE, received.receivedAt(),
        CORRECTION_NOTICE_WORKING_DAYS, LimitUnit.WORKING_DAYS);
  }

  /**
   * The corrected materials arrived: the 5 working days to accept (or ask again) count from now.
   * The clock keeps its row and history; a new watch replaces the ended one.
   */
  @EventListener
  void on(CaseEvents.Resubmitted resubmitted) {
    clocks.find(resubmitted.applicationId(), ClockKind.CORRECTION_NOTICE).ifPresent(found -> {
      stopWatch(found);
      CaseClock restarted = found.restarted(utc(resubmitted.resubmittedAt()));
      clocks.update(restarted);
      watchAnew(recalculate(restarted, ClockEvent.Type.RESTARTED, "收到补正材料，重新起算", currentUser.id()));
    });
  }

  /** A clock that runs again gets a new watch (its old one has ended or is ending). */
  private void watchAnew(CaseClock moved) {
    String watch = system(() -> runtimeService.startProcessInstanceByKey(CaseClockProcess.PROCESS_ID,
        "clock-" + moved.id(), watchVariables(moved)).getId());
    CaseClock watched = clocks.get(moved.id()).withWatch(watch);
    clocks.update(watched);
    updateTasks(watched);
  }

  /**
   * The chief representative extends a breached supply deadline: the clock runs again with the extra
   * days (the breach stays in its history) and a new watch.
   */
  private void extendAfterBreach(long clockId, int units, String reason) {
    CaseClock found = clocks.get(clockId);
    if (found.state() != ClockState.BREACHED) {
      throw new IllegalStateException("clock " + clockId + " is not breached");
    }
    CaseClock reopened = found.reopened(found.extensionValue() + units);
    clocks.update(reopened);
    watchAnew(recalculate(reopened, ClockEvent.Type.EXTENDED, "逾期后延长 " + units
        + (found.limitUnit() == LimitUnit.DAYS ? " 日" : " 个工作日") + "：" + reason.strip(), currentUser.id()));
  }

  /** The deputy director approved an extension asked for in {@code ClockExtension}. */
  public CaseClock approveExtension(long applicationId, ClockKind kind, int units, String reason, String comment) {
    return extend(applicationId, kind, units, reason
        + (comment == null || comment.isBlank() ? "" : "（分管局长：" + comment.strip() + "）"));
  }

  /**
   * The chief representative's decision on overdue tolerated items: extend the supply deadline
   * ({@code days} working days) or withdraw the case (退办). Always with a reason.
   */
  public void decideOverdueSupply(long clockId, String decision, Integer days, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidApplicationException(CaseClockProcess.Variables.SUPPLY_DECISION_REASON.name(), "请说明处理理由");
    }
    if (CaseClockProcess.Values.EXTEND.equals(decision)) {
      if (days == null || days < 1 || days > 60) {
        throw new InvalidApplicationException(CaseClockProcess.Variables.SUPPLY_EXTENSION_DAYS.name(),
            "延长天数应在 1 到 60 之间");
      }
      extendAfterBreach(clockId, days, reason);
    } else if (CaseClockProcess.Values.WITHDRAW.equals(decision)) {
      withdrawCase(clockId, reason);
    } else {
      throw new InvalidApplicationException(CaseClockProcess.Variables.SUPPLY_DECISION.name(),
          "请选择处理方式：延长补交期限或退办");
    }
  }

  /** The chief representative withdraws the case (退办): the case process ends with its notice. */
  private void withdrawCase(long clockId, String reason) {
    CaseClock found = clocks.get(clockId);
    LicenceApplication application = applications.get(found.applicationId());
    clocks.addEvent(clockId, now(), ClockEvent.Type.CANCELLED, "决定退办：" + reason.strip(), currentUser.id(),
        found.dueAt(), null);
    system(() -> runtimeService.createMessageCorrelation(LicenceApplicationProcess.MESSAGE_CASE_WITHDRAWN)
        .processInstanceId(application.processInstanceId())
        .setVariable(LicenceApplicationProcess.Variables.WITHDRAWAL_REASON.name(), reason.strip())
        .correlateWithResult());
  }

  @EventListener
  void on(CaseEvents.Accepted accepted) {
    long id = accepted.applicationId();
    meet(id, ClockKind.CORRECTION_NOTICE);
    start(id, ClockKind.INSPECTION, accepted.acceptedAt(), properties.inspectionWorkingDays(), LimitUnit.WORKING_DAYS);
    start(id, ClockKind.COMMITTED_DECISION, accepted.acceptedAt(), accepted.committedWorkingDays(), LimitUnit.WORKING_DAYS);
    start(id, ClockKind.STATUTORY_DECISION, accepted.acceptedAt(), accepted.statutoryValue(), accepted.statutoryUnit());
    if (accepted.supplyWorkingDays() != null) {
      start(id, ClockKind.TOLERATED_SUPPLY, accepted.acceptedAt(), accepted.supplyWorkingDays(), LimitUnit.WORKING_DAYS);
    }
  }

  @EventListener
  void on(CaseEvents.ToleratedItemsSupplied supplied) {
    meet(supplied.applicationId(), ClockKind.TOLERATED_SUPPLY);
  }

  @EventListener
  void on(CaseEvents.Decided decided) {
    meet(decided.applicationId(), ClockKind.COMMITTED_DECISION);
    meet(decided.applicationId(), ClockKind.STATUTORY_DECISION);
    if (decided.approved()) {
      start(decided.applicationId(), ClockKind.DELIVERY, decided.decidedAt(), DELIVERY_DAYS, LimitUnit.DAYS);
    }
  }

  @EventListener
  void on(CaseEvents.Closed closed) {
    for (CaseClock open : clocks.findByApplication(closed.applicationId())) {
      if (open.state().open()) {
        change(open, open.cancelled(), ClockEvent.Type.CANCELLED, "案件已终止：" + closed.reason());
        stopWatch(open);
      }
    }
  }

  /** A new calendar year moves every open clock that it changes. */
  @EventListener
  void on(CalendarYearLoaded loaded) {
    for (CaseClock open : clocks.findOpen()) {
      recalculate(open, ClockEvent.Type.RECALCULATED, loaded.year() + " 年节假日安排已导入", loaded.actor());
    }
  }

  /** A user task was completed: the clocks it meets are met, the clocks it paused resume. */
  public void taskCompleted(long applicationId, String taskKey, String taskName, String taskId) {
    for (ClockKind kind : ClockKind.values()) {
      if (kind.pausedDuringTasks().contains(taskKey) && clocks.find(applicationId, kind)
          .filter(found -> found.state() == ClockState.PAUSED).isPresent()
          && !stillExcluded(applicationId, kind, taskId, null)) {
        resumeIfStillPaused(applicationId, kind, "“" + taskName + "”已完成");
      }
      if (kind.metByTasks().contains(taskKey)) {
        meet(applicationId, kind);
      }
    }
  }

  /** A user task was created: the clocks whose time it does not count pause. */
  public void taskCreated(long applicationId, String taskKey, String taskName) {
    for (ClockKind kind : ClockKind.values()) {
      if (kind.pausedDuringTasks().contains(taskKey)) {
        pauseIfRunning(applicationId, kind, "依法不计入期限的环节开始：“" + taskName + "”");
      }
    }
  }

  // ---- the clocks themselves

  /** Starts a clock once; a second start of the same kind returns the first. */
  public CaseClock start(long applicationId, ClockKind kind, Instant startedAt, int limit, LimitUnit unit) {
    var existing = clocks.find(applicationId, kind);
    if (existing.isPresent()) {
      return existing.get();
    }
    ClockCalculator.Schedule schedule = calculator.schedule(startedAt, unit, limit);
    long id = clocks.insert(applicationId, kind, utc(startedAt), limit, unit, utc(schedule.dueAt()),
        utc(schedule.warnAt()), schedule.provisional());
    clocks.addEvent(id, now(), ClockEvent.Type.STARTED, "开始计时：" + kind.label() + " " + limit
        + (unit == LimitUnit.DAYS ? " 日" : " 个工作日") + (schedule.provisional() ? "（临时计算）" : ""),
        currentUser.id(), null, utc(schedule.dueAt()));
    CaseClock started = clocks.get(id);
    ProcessInstance watch = system(() -> runtimeService.startProcessInstanceByKey(
        CaseClockProcess.PROCESS_ID, "clock-" + id, watchVariables(started)));
    CaseClock watched = started.withWatch(watch.getId());
    clocks.update(watched);
    updateTasks(watched);
    return watched;
  }

  /** Met: the work was done in time (or late, after a breach: then only the time is recorded). */
  public void meet(long applicationId, ClockKind kind) {
    clocks.find(applicationId, kind).ifPresent(found -> {
      if (found.state() == ClockState.RUNNING && now().isAfter(found.dueAt())) {
        // done after the due before the watch's timer fired (e.g. the job executor was behind)
        change(found, found.breached(found.dueAt()).met(now()), ClockEvent.Type.MET, "超期后完成");
        stopWatch(found);
      } else if (found.state().open()) {
        change(found, found.met(now()), ClockEvent.Type.MET, "按时完成");
        stopWatch(found);
      } else if (found.state() == ClockState.BREACHED && found.metAt() == null) {
        change(found, found.met(now()), ClockEvent.Type.MET, "超期后完成");
      }
    });
  }

  /** The warning moment passed (called by the watch). */
  public void warn(long clockId) {
    CaseClock found = clocks.get(clockId);
    if (found.state().open() && found.warnedAt() == null) {
      change(found, found.withWarned(now()), ClockEvent.Type.WARNED, "即将到期：还剩 "
          + properties.clockWarningWorkingDays() + " 个工作日");
      if (found.kind() == ClockKind.TOLERATED_SUPPLY) {
        remindToSupply(found);
      }
    }
  }

  /** Before the supply deadline the enterprise is reminded, once, of every item still missing. */
  private void remindToSupply(CaseClock supply) {
    LicenceApplication application = applications.get(supply.applicationId());
    StringBuilder content = new StringBuilder("补交材料提醒\n案件编号：").append(application.caseNumber())
        .append("\n您的容缺材料补交期限为 ").append(dueText(supply)).append("，下列材料尚未补交：");
    materials.findByApplication(supply.applicationId()).stream()
        .filter(item -> item.status() == MaterialStatus.TOLERATED || item.status() == MaterialStatus.DEFECTIVE)
        .forEach(item -> content.append("\n- ").append(item.materialName())
            .append("（").append(item.stateText()).append("）"));
    content.append("\n可网上提交、邮寄（到付），或在现场核查、领证时提交。");
    notices.insert(supply.applicationId(), CaseNotice.NoticeKind.SUPPLY_REMINDER, now(), currentUser.id(),
        content.toString());
  }

  /**
   * The due passed (called by the watch). For the correction-notice limit the law also deems the
   * application accepted on the day it was received (《行政许可法》第三十二条).
   */
  public void breach(long clockId) {
    CaseClock found = clocks.get(clockId);
    if (!found.state().open()) {
      return;
    }
    change(found, found.breached(now()), ClockEvent.Type.BREACHED, "已超过期限");
    if (found.kind() == ClockKind.CORRECTION_NOTICE) {
      clocks.addEvent(clockId, now(), ClockEvent.Type.DEEMED_ACCEPTED,
          "逾期未告知补正：依《行政许可法》第三十二条，自收到申请材料之日（"
              + workingDays.dayOf(Date.from(found.startedAt().toInstant())) + "）起即为受理",
          currentUser.id(), null, null);
    }
  }

  /**
   * Pauses a clock for time the law excludes; its timers stop until it resumes. A clock already
   * paused — also by a colleague at the same moment — is refused (409): one pause, one record.
   */
  public CaseClock pause(long applicationId, ClockKind kind, String reason) {
    CaseClock found = openForChange(applicationId, kind);
    if (found.state() == ClockState.PAUSED) {
      throw new ApiException(HttpStatus.CONFLICT, "CLOCK_PAUSED", "kind", "“" + kind.label() + "”已暂停，不能重复暂停");
    }
    return paused(found, reason);
  }

  private CaseClock paused(CaseClock found, String reason) {
    long applicationId = found.applicationId();
    CaseClock paused = found.withPause(ClockState.PAUSED, found.pausedValue(), now());
    change(found, paused, ClockEvent.Type.PAUSED, "暂停计时：" + required(reason));
    moveTimers(paused); // to the far future: a paused clock cannot fire
    system(() -> {
      moveWarningTimersAsSystem(paused, applications.get(applicationId));
      return null;
    });
    return paused;
  }

  /** Pauses the clock if the case has it running (a step the law excludes begins). */
  public void pauseIfRunning(long applicationId, ClockKind kind, String reason) {
    clocks.findForUpdate(applicationId, kind).filter(found -> found.state() == ClockState.RUNNING)
        .ifPresent(found -> paused(found, reason));
  }

  /**
   * The excluded step that runs as process {@code endingProcessInstanceId} ended: the clock resumes,
   * unless another excluded step of the case is still under way.
   */
  public void resumeIfPaused(long applicationId, ClockKind kind, String reason, String endingProcessInstanceId) {
    if (clocks.find(applicationId, kind).filter(found -> found.state() == ClockState.PAUSED).isPresent()
        && !stillExcluded(applicationId, kind, null, endingProcessInstanceId)) {
      resumeIfStillPaused(applicationId, kind, reason);
    }
  }

  /** Whether another step the law excludes from the clock is still open in the case. */
  private boolean stillExcluded(long applicationId, ClockKind kind, String endingTaskId, String endingProcessInstanceId) {
    String caseNumber = applications.get(applicationId).caseNumber();
    return system(() -> {
      boolean tasks = !kind.pausedDuringTasks().isEmpty() && taskService.createTaskQuery()
          .processInstanceBusinessKey(caseNumber)
          .taskDefinitionKeyIn(kind.pausedDuringTasks().toArray(String[]::new)).list().stream()
          .anyMatch(task -> !task.getId().equals(endingTaskId));
      boolean processes = kind.pausedDuringProcesses().stream().anyMatch(key -> runtimeService
          .createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(caseNumber).active()
          .list().stream().anyMatch(instance -> !instance.getId().equals(endingProcessInstanceId)));
      return tasks || processes;
    });
  }

  /**
   * Resumes a paused clock; its due moves by the units the pause lasted. A clock that is running —
   * also because a colleague resumed it at the same moment — is refused (409).
   */
  public CaseClock resume(long applicationId, ClockKind kind, String reason) {
    CaseClock found = openForChange(applicationId, kind);
    if (found.state() != ClockState.PAUSED) {
      throw new ApiException(HttpStatus.CONFLICT, "CLOCK_RUNNING", "kind", "“" + kind.label() + "”正在计时，无需恢复");
    }
    return resumed(found, reason);
  }

  /** Resumes the clock unless it runs already (a step the law excludes ended). */
  private void resumeIfStillPaused(long applicationId, ClockKind kind, String reason) {
    clocks.findForUpdate(applicationId, kind).filter(found -> found.state() == ClockState.PAUSED)
        .ifPresent(found -> resumed(found, reason));
  }

  private CaseClock resumed(CaseClock found, String reason) {
    int lasted = calculator.unitsBetween(found.limitUnit(), found.pausedSince().toInstant(), clock.instant());
    CaseClock resumed = found.withPause(ClockState.RUNNING, found.pausedValue() + lasted, null);
    return recalculate(resumed, ClockEvent.Type.RESUMED, "恢复计时（暂停 " + lasted + " "
        + (found.limitUnit() == LimitUnit.DAYS ? "日" : "个工作日") + "）：" + required(reason), currentUser.id());
  }

  /** Extends a clock by {@code units} (approved by the deputy director; the caller checks that). */
  public CaseClock extend(long applicationId, ClockKind kind, int units, String reason) {
    if (units <= 0 || units > 60) {
      throw new IllegalArgumentException("延长期限应为 1 到 60：" + units);
    }
    CaseClock found = openForChange(applicationId, kind);
    return recalculate(found.withExtension(found.extensionValue() + units), ClockEvent.Type.EXTENDED,
        "延长 " + units + (found.limitUnit() == LimitUnit.DAYS ? " 日" : " 个工作日") + "：" + required(reason),
        currentUser.id());
  }

  /** A checked request to extend a clock, with what the approver needs to see. */
  public record ExtensionRequest(long applicationId, String caseNumber, String enterpriseName,
      String licenceTypeName, String clockLabel, String dueText) {}

  /** Checks a request to extend a clock; a bad request is refused in Chinese, naming the field. */
  public ExtensionRequest checkExtensionRequest(String caseNumber, String kind, Integer days, String reason) {
    LicenceApplication application = applications.findByCaseNumber(caseNumber == null ? "" : caseNumber.strip())
        .orElseThrow(() -> new InvalidApplicationException(ClockExtensionProcess.Variables.CASE_NUMBER.name(), "未找到案件编号“" + caseNumber + "”"));
    ClockKind clockKind;
    try {
      clockKind = ClockKind.valueOf(kind == null ? "" : kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidApplicationException(ClockExtensionProcess.Variables.CLOCK_KIND.name(), "请选择要延长的期限");
    }
    CaseClock found = clocks.find(application.id(), clockKind).filter(c -> c.state().open())
        .orElseThrow(() -> new InvalidApplicationException(ClockExtensionProcess.Variables.CLOCK_KIND.name(),
            "案件 " + caseNumber + " 没有正在计时的“" + clockKind.label() + "”"));
    if (days == null || days < 1 || days > 60) {
      throw new InvalidApplicationException(ClockExtensionProcess.Variables.EXTENSION_DAYS.name(), "延长天数应在 1 到 60 之间");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidApplicationException(ClockExtensionProcess.Variables.EXTENSION_REASON.name(), "必须说明延长理由");
    }
    if (reason.strip().length() > MAX_REASON) {
      throw new InvalidApplicationException(ClockExtensionProcess.Variables.EXTENSION_REASON.name(),
          "延长理由不能超过 " + MAX_REASON + " 个字");
    }
    return new ExtensionRequest(application.id(), application.caseNumber(), application.enterpriseName(),
        requirements.typeRule(application.licenceType()).map(LicenceTypeRule::name).orElse(application.licenceType()),
        clockKind.label(), dueText(found));
  }

  public List<CaseClock> ofCase(long applicationId) {
    return clocks.findByApplication(applicationId);
  }

  public List<ClockEvent> history(long clockId) {
    return clocks.events(clockId);
  }

  // ---- moving

  private CaseClock recalculate(CaseClock changed, ClockEvent.Type type, String reason, String actor) {
    CaseClock stored = clocks.get(changed.id());
    ClockCalculator.Schedule schedule = calculator.schedule(changed.startedAt().toInstant(),
        changed.limitUnit(), changed.totalValue());
    CaseClock moved = changed.withSchedule(utc(schedule.dueAt()), utc(schedule.warnAt()), schedule.provisional());
    boolean same = moved.equals(stored);
    if (same && type == ClockEvent.Type.RECALCULATED) {
      return stored;
    }
    clocks.update(moved);
    clocks.addEvent(moved.id(), now(), type, reason, actor, stored.dueAt(), moved.dueAt());
    moveTimers(moved);
    updateTasks(moved);
    return moved;
  }

  private void change(CaseClock before, CaseClock after, ClockEvent.Type type, String reason) {
    clocks.update(after);
    clocks.addEvent(after.id(), now(), type, reason, currentUser.id(), before.dueAt(), after.dueAt());
  }

  /** Engine bookkeeping as the system; the actor is read before, for the record. */
  private <T> T system(java.util.function.Supplier<T> work) {
    return currentUser.withoutAuthorization(work);
  }

  private void moveTimers(CaseClock moved) {
    if (moved.processInstanceId() == null) {
      return;
    }
    system(() -> {
      moveTimersAsSystem(moved);
      return null;
    });
  }

  private void moveTimersAsSystem(CaseClock moved) {
    boolean paused = moved.state() == ClockState.PAUSED;
    moveTimer(moved.processInstanceId(), CaseClockProcess.Elements.TIMER_WARNING, paused ? PAUSED_TIMER : moved.warnAt());
    moveTimer(moved.processInstanceId(), CaseClockProcess.Elements.TIMER_DUE, paused ? PAUSED_TIMER : moved.dueAt());
    if (isRunning(moved.processInstanceId())) {
      runtimeService.setVariable(moved.processInstanceId(), CaseClockProcess.Variables.CLOCK_DUE_TEXT.name(),
          dueText(moved));
    }
  }

  private void moveTimer(String processInstanceId, String timerId, OffsetDateTime due) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId(timerId).list()) {
      managementService.setJobDuedate(job.getId(), Date.from(due.toInstant()));
    }
  }

  /** The case's tasks that this clock times get its due as due date and its warning as follow-up. */
  private void updateTasks(CaseClock timed) {
    if (timed.kind().dueOfTasks().isEmpty()) {
      return;
    }
    system(() -> {
      updateTasksAsSystem(timed);
      return null;
    });
  }

  private void updateTasksAsSystem(CaseClock timed) {
    LicenceApplication application = applications.get(timed.applicationId());
    if (application.processInstanceId() == null) {
      return;
    }
    // by the case number: the case's own tasks and those of the processes it calls (expert review)
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(application.caseNumber())
        .taskDefinitionKeyIn(timed.kind().dueOfTasks().toArray(String[]::new)).list()) {
      task.setDueDate(Date.from(timed.dueAt().toInstant()));
      task.setFollowUpDate(Date.from(timed.warnAt().toInstant()));
      taskService.saveTask(task);
    }
    moveWarningTimersAsSystem(timed, application);
  }

  /** The timers of the case's processes that fire at the clock's warning follow it (parked while paused). */
  private void moveWarningTimersAsSystem(CaseClock timed, LicenceApplication application) {
    if (timed.kind().warningTimers().isEmpty()) {
      return;
    }
    OffsetDateTime warning = timed.state() == ClockState.PAUSED ? PAUSED_TIMER : timed.warnAt();
    for (var instance : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(application.caseNumber()).active().list()) {
      timed.kind().warningTimers().forEach(timer -> moveTimer(instance.getId(), timer, warning));
    }
  }

  private void stopWatch(CaseClock stopped) {
    system(() -> {
      stopWatchAsSystem(stopped);
      return null;
    });
  }

  private void stopWatchAsSystem(CaseClock stopped) {
    if (stopped.processInstanceId() != null && isRunning(stopped.processInstanceId())) {
      runtimeService.createMessageCorrelation(CaseClockProcess.MESSAGE_CLOCK_STOPPED)
          .processInstanceId(stopped.processInstanceId())
          .correlateWithResult();
    }
  }

  private boolean isRunning(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  private VariableMap watchVariables(CaseClock started) {
    LicenceApplication application = applications.get(started.applicationId());
    VariableMap variables = Variables.createVariables();
    CaseClockProcess.Variables.CLOCK_ID.put(variables, started.id());
    CaseClockProcess.Variables.CLOCK_KIND.put(variables, started.kind().name());
    CaseClockProcess.Variables.CLOCK_LABEL.put(variables, started.kind().label());
    CaseClockProcess.Variables.CLOCK_DUE_TEXT.put(variables, dueText(started));
    CaseClockProcess.Variables.APPLICATION_ID.put(variables, application.id());
    CaseClockProcess.Variables.CASE_NUMBER.put(variables, application.caseNumber());
    CaseClockProcess.Variables.ENTERPRISE_NAME.put(variables, application.enterpriseName());
    CaseClockProcess.Variables.LICENCE_TYPE_NAME.put(variables, requirements.typeRule(application.licenceType())
        .map(LicenceTypeRule::name).orElse(application.licenceType()));
    return variables;
  }

  private String dueText(CaseClock timed) {
    return timed.dueAt().atZoneSameInstant(workingDays.zone()).format(DUE_TEXT)
        + (timed.provisional() ? "（临时计算：缺少节假日数据）" : "");
  }

  /** The open clock, locked until the change commits: changes of one clock happen one after the other. */
  private CaseClock openForChange(long applicationId, ClockKind kind) {
    CaseClock found = clocks.findForUpdate(applicationId, kind).orElseThrow(() ->
        new IllegalArgumentException("本案没有“" + kind.label() + "”"));
    if (!found.state().open()) {
      throw new IllegalArgumentException("“" + kind.label() + "”已结束，不能再调整");
    }
    return found;
  }

  private static String required(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("必须说明理由");
    }
    return TextFields.optional(reason, "reason", "理由", MAX_REASON);
  }

  private OffsetDateTime now() {
    return utc(clock.instant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
