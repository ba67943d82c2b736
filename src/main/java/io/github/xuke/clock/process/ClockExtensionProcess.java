package io.github.xuke.clock.process;

import io.github.xuke.clock.process.CaseClockProcess;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.core.ProcessVariable;
import java.util.List;

/**
 * The names of process {@code ClockExtension} ({@code processes/clock-extension.bpmn}): staff ask in
 * Tasklist to extend a case's clock; the deputy director approves or refuses (《行政许可法》第四十二条).
 */
public final class ClockExtensionProcess {

  public static final String PROCESS_ID = "ClockExtension";

  private ClockExtensionProcess() {}

  /** Process variables, typed. The case labels carry the main process's names. */
  public static final class Variables {
    public static final ProcessVariable<String> CASE_NUMBER = LicenceApplicationProcess.Variables.CASE_NUMBER;
    public static final ProcessVariable<String> CLOCK_KIND = ProcessVariable.string("clockKind");
    public static final ProcessVariable<Integer> EXTENSION_DAYS = ProcessVariable.integer("extensionDays");
    public static final ProcessVariable<String> EXTENSION_REASON = ProcessVariable.string("extensionReason");
    public static final ProcessVariable<Long> APPLICATION_ID = LicenceApplicationProcess.Variables.APPLICATION_ID;
    public static final ProcessVariable<String> ENTERPRISE_NAME = LicenceApplicationProcess.Variables.ENTERPRISE_NAME;
    public static final ProcessVariable<String> LICENCE_TYPE_NAME = LicenceApplicationProcess.Variables.LICENCE_TYPE_NAME;
    public static final ProcessVariable<String> CLOCK_LABEL = CaseClockProcess.Variables.CLOCK_LABEL;
    public static final ProcessVariable<String> CLOCK_DUE_TEXT = CaseClockProcess.Variables.CLOCK_DUE_TEXT;
    public static final ProcessVariable<String> EXTENSION_DECISION = ProcessVariable.string("extensionDecision");
    public static final ProcessVariable<String> EXTENSION_COMMENT = ProcessVariable.string("extensionComment");

    public static final List<ProcessVariable<?>> ALL = List.of(CASE_NUMBER, CLOCK_KIND, EXTENSION_DAYS,
        EXTENSION_REASON, APPLICATION_ID, ENTERPRISE_NAME, LICENCE_TYPE_NAME, CLOCK_LABEL, CLOCK_DUE_TEXT,
        EXTENSION_DECISION, EXTENSION_COMMENT);

    private Variables() {}
  }

  /** The values the gateway compares. */
  public static final class Values {
    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";

    private Values() {}
  }

  /** Element ids of the diagram. */
  public static final class Elements {
    public static final String START_EXTENSION_REQUESTED = "StartEvent_ExtensionRequested";
    public static final String TASK_CHECK_EXTENSION_REQUEST = "Task_CheckExtensionRequest";
    public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";
    public static final String GATEWAY_EXTENSION_APPROVED = "Gateway_ExtensionApproved";
    public static final String TASK_EXTEND_CLOCK = "Task_ExtendClock";
    public static final String END_CLOCK_EXTENDED = "EndEvent_ClockExtended";
    public static final String END_EXTENSION_REFUSED = "EndEvent_ExtensionRefused";

    private Elements() {}
  }
}
