package io.github.xuke.expert.process;

import io.github.xuke.core.ProcessVariable;
import java.util.Date;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The names of process {@code ExpertReview} ({@code processes/expert-review.bpmn}), called by the
 * licence application right after acceptance: its variables, element ids and gateway values.
 */
public final class ExpertReviewProcess {

  public static final String PROCESS_ID = "ExpertReview";

  private ExpertReviewProcess() {}

  public static final class Variables {
    /** The user ids of the experts drawn (a JSON list, the multi-instance collection). */
    public static final ProcessVariable<List<String>> EXPERT_PANEL = ProcessVariable.stringList("expertPanel");
    /** The expert of one multi-instance branch; a replacement draw changes it. */
    public static final ProcessVariable<String> EXPERT = ProcessVariable.string("expert");
    public static final ProcessVariable<String> PARTICIPATION_DECISION = ProcessVariable.string("participationDecision");
    public static final ProcessVariable<String> DECLINE_REASON = ProcessVariable.string("declineReason");
    public static final ProcessVariable<String> PRE_REVIEW_CONCLUSION = ProcessVariable.string("preReviewConclusion");
    public static final ProcessVariable<String> PRE_REVIEW_COMMENTS = ProcessVariable.string("preReviewComments");
    public static final ProcessVariable<SpinJsonNode> PRE_REVIEW_FINDINGS = ProcessVariable.json("preReviewFindings");
    /** The rows of the 逐项预审 list, one per material of the case, written once when the panel is drawn. */
    public static final ProcessVariable<SpinJsonNode> FINDING_ROWS = ProcessVariable.json("findingRows");
    /** The submitted materials with links to their documents, as the pre-review form shows them (Markdown); per branch. */
    public static final ProcessVariable<String> SUBMITTED_MATERIALS_TEXT = ProcessVariable.string("submittedMaterialsText");
    /** The tolerated items still missing, not to review (Markdown; null when none); per branch. */
    public static final ProcessVariable<String> OUTSTANDING_MATERIALS_TEXT =
        ProcessVariable.string("outstandingMaterialsText");
    /** Until when the invited expert answers (the invitation's task due and timer); per branch. */
    public static final ProcessVariable<Date> ANSWER_DUE_AT = ProcessVariable.date("answerDueAt");
    /**
     * The warning moment of the case's inspection clock, when the experts are reminded; written by the
     * clocks when that clock starts or moves (parked in the far future while it is paused).
     */
    public static final ProcessVariable<Date> INSPECTION_WARN_AT =
        io.github.xuke.application.process.LicenceApplicationProcess.Variables.INSPECTION_WARN_AT;

    public static final List<ProcessVariable<?>> ALL = List.of(EXPERT_PANEL, EXPERT, PARTICIPATION_DECISION,
        DECLINE_REASON, PRE_REVIEW_CONCLUSION, PRE_REVIEW_COMMENTS, PRE_REVIEW_FINDINGS, FINDING_ROWS, SUBMITTED_MATERIALS_TEXT, OUTSTANDING_MATERIALS_TEXT, ANSWER_DUE_AT,
        INSPECTION_WARN_AT);

    private Variables() {}
  }

  public static final class Values {
    public static final String PARTICIPATE = "PARTICIPATE";
    public static final String DECLINE = "DECLINE";

    private Values() {}
  }

  public static final class Elements {
    public static final String TASK_DRAW_EXPERT_PANEL = "Task_DrawExpertPanel";
    public static final String SUBPROCESS_EXPERT_PRE_REVIEW = "SubProcess_ExpertPreReview";
    public static final String TASK_CONFIRM_PARTICIPATION = "Task_ConfirmParticipation";
    public static final String TIMER_ANSWER_DUE = "Timer_AnswerDue";
    public static final String TASK_EXPERT_PRE_REVIEW = "Task_ExpertPreReview";
    public static final String TIMER_PRE_REVIEW_REMINDER = "Timer_PreReviewReminder";
    public static final String TASK_REPLACE_EXPERT = "Task_ReplaceExpert";
    public static final String TASK_CONSOLIDATE_EXPERT_OPINIONS = "Task_ConsolidateExpertOpinions";
    public static final String END_EXPERT_REVIEW_DONE = "EndEvent_ExpertReviewDone";

    private Elements() {}
  }

  /** The expert's conclusion on the technical materials. */
  public enum Conclusion {
    PASS("技术材料符合要求"),
    REVISE("需补充完善"),
    FAIL("不符合要求");

    private final String displayName;

    Conclusion(String displayName) {
      this.displayName = displayName;
    }

    public String displayName() {
      return displayName;
    }
  }
}
