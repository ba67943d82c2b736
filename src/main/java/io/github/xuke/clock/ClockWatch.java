package io.github.xuke.clock;

import io.github.xuke.clock.process.CaseClockProcess;
import io.github.xuke.application.Cases;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.process.ExpertReviewProcess;
import io.github.xuke.system.CurrentUser;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The one adapter between the clocks and the engine: it starts and stops the {@code CaseClock}
 * instance that watches a clock, moves its two timers and the variables they read, and moves the
 * due and follow-up dates of the tasks and the warning timers each clock governs ({@link ClockKind}).
 * All of it is engine bookkeeping, done as the system: what the user may do was checked before.
 */
@Component
class ClockWatch {

  /** Where the timers of a paused clock wait: a paused clock cannot warn or breach. */
  static final OffsetDateTime PAUSED_TIMER = OffsetDateTime.parse("2999-12-31T00:00:00Z");

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final Cases cases;
  private final CurrentUser currentUser;

  ClockWatch(RuntimeService runtimeService, ManagementService managementService, TaskService taskService,
      Cases cases, CurrentUser currentUser) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  /**
   * Starts the watch of a clock; answers its process instance id. The watch carries only what its
   * timers and gateways read (the clock, its kind, its two moments): most clocks are met, and what
   * the supervision of a breach shows is written at the breach ({@link #shownAtBreach}).
   */
  String start(CaseClock clock) {
    VariableMap variables = Variables.createVariables();
    CaseClockProcess.Variables.CLOCK_ID.put(variables, clock.id());
    CaseClockProcess.Variables.CLOCK_KIND.put(variables, clock.kind().name());
    CaseClockProcess.Variables.WARN_AT.put(variables, timerDate(clock, clock.warnAt()));
    CaseClockProcess.Variables.DUE_AT.put(variables, timerDate(clock, clock.dueAt()));
    return system(() -> runtimeService.startProcessInstanceByKey(CaseClockProcess.PROCESS_ID,
        "clock-" + clock.id(), variables).getId());
  }

  /** What the breach's supervision tasks show and list (their forms and Tasklist's columns). */
  VariableMap shownAtBreach(CaseClock clock, String dueText) {
    LicenceApplication application = cases.get(clock.applicationId());
    VariableMap variables = Variables.createVariables();
    CaseClockProcess.Variables.CLOCK_LABEL.put(variables, clock.kind().label());
    CaseClockProcess.Variables.CLOCK_DUE_TEXT.put(variables, dueText);
    CaseClockProcess.Variables.APPLICATION_ID.put(variables, application.id());
    CaseClockProcess.Variables.CASE_NUMBER.put(variables, application.caseNumber());
    CaseClockProcess.Variables.ENTERPRISE_NAME.put(variables, application.enterpriseName());
    CaseClockProcess.Variables.LICENCE_TYPE_NAME.put(variables, application.typeName());
    return variables;
  }

  /** Ends the watch: the clock was met or cancelled. */
  void stop(CaseClock stopped) {
    system(() -> {
      if (stopped.processInstanceId() != null && isRunning(stopped.processInstanceId())) {
        runtimeService.createMessageCorrelation(CaseClockProcess.MESSAGE_CLOCK_STOPPED)
            .processInstanceId(stopped.processInstanceId())
            .correlateWithResult();
      }
      return null;
    });
  }

  /** The watch's timers and the variables they read follow the clock (parked while it is paused). */
  void moveTimers(CaseClock moved) {
    if (moved.processInstanceId() == null) {
      return;
    }
    system(() -> {
      String watch = moved.processInstanceId();
      moveTimer(watch, CaseClockProcess.Elements.TIMER_WARNING, timerDate(moved, moved.warnAt()));
      moveTimer(watch, CaseClockProcess.Elements.TIMER_DUE, timerDate(moved, moved.dueAt()));
      if (isRunning(watch)) {
        VariableMap variables = Variables.createVariables();
        CaseClockProcess.Variables.WARN_AT.put(variables, timerDate(moved, moved.warnAt()));
        CaseClockProcess.Variables.DUE_AT.put(variables, timerDate(moved, moved.dueAt()));
        runtimeService.setVariables(watch, variables);
      }
      return null;
    });
  }

  /** The case's tasks that this clock times get its due as due date and its warning as follow-up. */
  void moveTasks(CaseClock timed) {
    if (timed.kind().dueOfTasks().isEmpty() && timed.kind().warningTimers().isEmpty()) {
      return;
    }
    system(() -> {
      LicenceApplication application = cases.get(timed.applicationId());
      if (application.processInstanceId() == null) {
        return null;
      }
      if (!timed.kind().dueOfTasks().isEmpty()) {
        // by the case number: the case's own tasks and those of the processes it calls (expert review)
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(application.caseNumber())
            .taskDefinitionKeyIn(timed.kind().dueOfTasks().toArray(String[]::new)).list()) {
          task.setDueDate(Date.from(timed.dueAt().toInstant()));
          task.setFollowUpDate(Date.from(timed.warnAt().toInstant()));
          taskService.saveTask(task);
        }
      }
      moveWarningTimersAsSystem(timed, application.caseNumber());
      return null;
    });
  }

  /** The warning timers this clock governs follow it, parked while it is paused. */
  void moveWarningTimers(CaseClock timed) {
    if (!timed.kind().warningTimers().isEmpty()) {
      system(() -> {
        moveWarningTimersAsSystem(timed, cases.get(timed.applicationId()).caseNumber());
        return null;
      });
    }
  }

  private void moveWarningTimersAsSystem(CaseClock timed, String caseNumber) {
    if (timed.kind().warningTimers().isEmpty()) {
      return;
    }
    Date warning = timerDate(timed, timed.warnAt());
    // the case's own processes only: an extension request (ClockExtension) carries the case number too
    for (String instance : activeInstances(caseNumber, LicenceApplicationProcess.PROCESS_ID, ExpertReviewProcess.PROCESS_ID)) {
      timed.kind().warningTimers().forEach(timer -> moveTimer(instance, timer, warning));
      timed.kind().warnAtVariable().ifPresent(variable ->
          runtimeService.setVariable(instance, variable.name(), warning));
    }
  }

  /** Whether another step the law excludes from the clock is still open in the case. */
  boolean stillExcluded(long applicationId, ClockKind kind, String endingTaskId, String endingProcessInstanceId) {
    String caseNumber = cases.get(applicationId).caseNumber();
    return system(() -> {
      boolean tasks = !kind.pausedDuringTasks().isEmpty() && taskService.createTaskQuery()
          .processInstanceBusinessKey(caseNumber)
          .taskDefinitionKeyIn(kind.pausedDuringTasks().toArray(String[]::new)).list().stream()
          .anyMatch(task -> !task.getId().equals(endingTaskId));
      boolean processes = activeInstances(caseNumber, kind.pausedDuringProcesses().toArray(String[]::new)).stream()
          .anyMatch(instance -> !instance.equals(endingProcessInstanceId));
      return tasks || processes;
    });
  }

  /** The chief representative withdrew the case (退办): the case's process takes its withdrawal path. */
  void withdrawCase(long applicationId, String reason) {
    String processInstanceId = cases.get(applicationId).processInstanceId();
    system(() -> runtimeService.createMessageCorrelation(LicenceApplicationProcess.MESSAGE_CASE_WITHDRAWN)
        .processInstanceId(processInstanceId)
        .setVariable(LicenceApplicationProcess.Variables.WITHDRAWAL_REASON.name(), reason)
        .correlateWithResult());
  }

  private void moveTimer(String processInstanceId, String timerId, Date due) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId(timerId).list()) {
      managementService.setJobDuedate(job.getId(), due);
    }
  }

  /**
   * Whether the process instance still runs. Asked as an execution query by id (the primary key): the
   * process instance query adds {@code PARENT_ID_ is null}, for which H2 picks the index of every process
   * instance and reads them all.
   */
  private boolean isRunning(String processInstanceId) {
    return runtimeService.createExecutionQuery().executionId(processInstanceId).count() > 0;
  }

  /**
   * The ids of the case's active process instances of these definitions, found through the index on the
   * business key: an execution query joins the process instance by its business key, where the process
   * instance query's {@code PARENT_ID_ is null} makes H2 read every process instance.
   */
  private List<String> activeInstances(String caseNumber, String... processDefinitionKeys) {
    List<String> instances = new java.util.ArrayList<>();
    for (String key : processDefinitionKeys) {
      runtimeService.createExecutionQuery().processInstanceBusinessKey(caseNumber).processDefinitionKey(key).active()
          .list().stream()
          .filter(execution -> execution.getId().equals(execution.getProcessInstanceId()))
          .forEach(execution -> instances.add(execution.getId()));
    }
    return instances;
  }

  private static Date timerDate(CaseClock clock, OffsetDateTime at) {
    return Date.from((clock.state() == ClockState.PAUSED ? PAUSED_TIMER : at).toInstant());
  }

  private <T> T system(java.util.function.Supplier<T> work) {
    return currentUser.withoutAuthorization(work);
  }
}
