package io.github.xuke.clock.process;

import io.github.xuke.clock.CaseClock;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.core.ProcessVariable;
import java.util.Date;
import java.util.List;

/**
 * The names of process {@code CaseClock} ({@code processes/case-clock.bpmn}): one instance watches
 * one clock — its warning timer, its due timer and the supervision of a breach. The timers read
 * {@code warnAt} and {@code dueAt}, which the clocks write when the clock starts and moves.
 */
public final class CaseClockProcess {

  public static final String PROCESS_ID = "CaseClock";
  /** Ends the watch: the clock was met or cancelled. */
  public static final String MESSAGE_CLOCK_STOPPED = "ClockStopped";
  /** Sent to the case when the chief representative withdraws it for overdue tolerated items (退办). */
  public static final String MESSAGE_CASE_WITHDRAWN =
      io.github.xuke.application.process.LicenceApplicationProcess.MESSAGE_CASE_WITHDRAWN;

  private CaseClockProcess() {}

  /** Process variables, typed. The case labels carry the main process's names. */
  public static final class Variables {
    public static final ProcessVariable<Long> CLOCK_ID = ProcessVariable.longValue("clockId");
    public static final ProcessVariable<String> CLOCK_KIND = ProcessVariable.string("clockKind");
    public static final ProcessVariable<String> SUPPLY_DECISION = ProcessVariable.string("supplyDecision");
    public static final ProcessVariable<Integer> SUPPLY_EXTENSION_DAYS = ProcessVariable.integer("supplyExtensionDays");
    public static final ProcessVariable<String> SUPPLY_DECISION_REASON = ProcessVariable.string("supplyDecisionReason");
    public static final ProcessVariable<String> CLOCK_LABEL = ProcessVariable.string("clockLabel");
    public static final ProcessVariable<String> CLOCK_DUE_TEXT = ProcessVariable.string("clockDueText");
    /** The timers' moments, written when the clock starts and whenever it moves (far future while paused). */
    public static final ProcessVariable<Date> WARN_AT = ProcessVariable.date("warnAt");
    public static final ProcessVariable<Date> DUE_AT = ProcessVariable.date("dueAt");
    /** The due of the breach's supervision (one working day after the clock's due), written at the breach. */
    public static final ProcessVariable<Date> SUPERVISION_DUE_AT = ProcessVariable.date("supervisionDueAt");
    public static final ProcessVariable<Long> APPLICATION_ID = LicenceApplicationProcess.Variables.APPLICATION_ID;
    public static final ProcessVariable<String> CASE_NUMBER = LicenceApplicationProcess.Variables.CASE_NUMBER;
    public static final ProcessVariable<String> ENTERPRISE_NAME = LicenceApplicationProcess.Variables.ENTERPRISE_NAME;
    public static final ProcessVariable<String> LICENCE_TYPE_NAME = LicenceApplicationProcess.Variables.LICENCE_TYPE_NAME;
    public static final ProcessVariable<String> SUPERVISION_INSTRUCTION =
        ProcessVariable.string("supervisionInstruction");

    public static final List<ProcessVariable<?>> ALL = List.of(CLOCK_ID, CLOCK_KIND, SUPPLY_DECISION,
        SUPPLY_EXTENSION_DAYS, SUPPLY_DECISION_REASON, CLOCK_LABEL, CLOCK_DUE_TEXT, WARN_AT, DUE_AT, SUPERVISION_DUE_AT,
        APPLICATION_ID, CASE_NUMBER, ENTERPRISE_NAME, LICENCE_TYPE_NAME, SUPERVISION_INSTRUCTION);

    private Variables() {}
  }

  /** The chief representative's answers when tolerated items are overdue. */
  public static final class Values {
    public static final String EXTEND = "EXTEND";
    public static final String WITHDRAW = "WITHDRAW";

    private Values() {}
  }

  /** Element ids of the diagram. */
  public static final class Elements {
    public static final String START_CLOCK_STARTED = "StartEvent_ClockStarted";
    public static final String TIMER_WARNING = "Timer_Warning";
    public static final String TASK_RECORD_CLOCK_WARNING = "Task_RecordClockWarning";
    public static final String TIMER_DUE = "Timer_Due";
    public static final String TASK_RECORD_CLOCK_BREACH = "Task_RecordClockBreach";
    public static final String GATEWAY_SUPPLY_DEADLINE = "Gateway_SupplyDeadline";
    public static final String TASK_DECIDE_OVERDUE_SUPPLY = "Task_DecideOverdueSupply";
    public static final String TASK_CHECK_SUPPLY_DECISION = "Task_CheckSupplyDecision";
    public static final String GATEWAY_SUPPLY_DECISION = "Gateway_SupplyDecision";
    public static final String TASK_EXTEND_SUPPLY_DEADLINE = "Task_ExtendSupplyDeadline";
    public static final String END_SUPPLY_DEADLINE_EXTENDED = "EndEvent_SupplyDeadlineExtended";
    /** The message end event that withdraws the case: it sends {@link #MESSAGE_CASE_WITHDRAWN} to the case. */
    public static final String END_CASE_WITHDRAWN = "EndEvent_CaseWithdrawn";
    public static final String TASK_SUPERVISE_BREACHED_CLOCK = "Task_SuperviseBreachedClock";
    public static final String END_BREACH_SUPERVISED = "EndEvent_BreachSupervised";
    public static final String START_CLOCK_STOPPED = "StartEvent_ClockStopped";
    public static final String END_CLOCK_STOPPED = "EndEvent_ClockStopped";

    private Elements() {}
  }
}
