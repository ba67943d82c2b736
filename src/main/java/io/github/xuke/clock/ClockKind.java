package io.github.xuke.clock;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;

import io.github.xuke.expert.process.ExpertReviewProcess;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.core.ProcessVariable;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * The clocks of a licence case: what each measures, its legal basis, the user tasks whose due date
 * it sets, the user tasks whose completion meets it, the steps the law excludes from it, and the
 * timers of the case that fire at its warning.
 */
public enum ClockKind {
  /** 《行政许可法》第三十二条: within 5 working days of receipt, a correction notice or acceptance. */
  CORRECTION_NOTICE("补正告知期限", "《行政许可法》第三十二条",
      Set.of(TASK_ISSUE_CORRECTION_NOTICE, TASK_ACCEPT_APPLICATION),
      Set.of(TASK_ISSUE_CORRECTION_NOTICE, TASK_ACCEPT_APPLICATION)),
  /** The bureau's promise: on-site inspection and technical review within 3 working days. */
  INSPECTION("现场核查与技术评审时限", "本局承诺",
      Set.of(TASK_SCHEDULE_INSPECTION, TASK_ON_SITE_INSPECTION, ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW),
      Set.of(TASK_ON_SITE_INSPECTION), Set.of(), Set.of(),
      Set.of(ExpertReviewProcess.Elements.TIMER_PRE_REVIEW_REMINDER), LicenceApplicationProcess.Variables.INSPECTION_WARN_AT),
  /** The bureau's promise: a decision within the committed working days of the licence type. */
  COMMITTED_DECISION("承诺办结时限", "本局承诺",
      Set.of(TASK_REVIEW_CASE, TASK_APPROVE_LICENCE), Set.of(TASK_APPROVE_LICENCE),
      Set.of(TASK_RECHECK_RECTIFICATION), Set.of(), Set.of()),
  /**
   * The statutory limit of the licence type (《行政许可法》第四十二条 and the type's regulation);
   * expert review does not count (第四十五条): process {@code ExpertReview} pauses it from the draw
   * to the consolidated opinion; nor does the enterprise's rectification after the inspection.
   */
  STATUTORY_DECISION("法定办理时限", "《行政许可法》第四十二条、第四十五条及该事项规章", Set.of(),
      Set.of(TASK_APPROVE_LICENCE), Set.of(TASK_RECHECK_RECTIFICATION), Set.of(ExpertReviewProcess.PROCESS_ID),
      Set.of()),
  /** Tolerated items: the limit told in the one-time notice; met when the last item arrives. */
  TOLERATED_SUPPLY("容缺材料补交期限", "一次性告知书", Set.of(TASK_RECORD_SUPPLIED_MATERIALS), Set.of()),
  /** 《行政许可法》第四十四条: the licence reaches the applicant within 10 days of the decision. */
  DELIVERY("送达期限", "《行政许可法》第四十四条", Set.of(TASK_DELIVER_LICENCE), Set.of(TASK_DELIVER_LICENCE));

  private final String label;
  private final String basis;
  private final Set<String> dueOfTasks;
  private final Set<String> metByTasks;
  private final Set<String> pausedDuringTasks;
  private final Set<String> pausedDuringProcesses;
  private final Set<String> warningTimers;
  private final ProcessVariable<Date> warnAtVariable;

  ClockKind(String label, String basis, Set<String> dueOfTasks, Set<String> metByTasks) {
    this(label, basis, dueOfTasks, metByTasks, Set.of(), Set.of(), Set.of());
  }

  ClockKind(String label, String basis, Set<String> dueOfTasks, Set<String> metByTasks,
      Set<String> pausedDuringTasks, Set<String> pausedDuringProcesses, Set<String> warningTimers) {
    this(label, basis, dueOfTasks, metByTasks, pausedDuringTasks, pausedDuringProcesses, warningTimers, null);
  }

  ClockKind(String label, String basis, Set<String> dueOfTasks, Set<String> metByTasks,
      Set<String> pausedDuringTasks, Set<String> pausedDuringProcesses, Set<String> warningTimers,
      ProcessVariable<Date> warnAtVariable) {
    this.warningTimers = warningTimers;
    this.warnAtVariable = warnAtVariable;
    this.label = label;
    this.basis = basis;
    this.dueOfTasks = dueOfTasks;
    this.metByTasks = metByTasks;
    this.pausedDuringTasks = pausedDuringTasks;
    this.pausedDuringProcesses = pausedDuringProcesses;
  }

  /**
   * The called processes whose whole run the law excludes from this clock (they pause and resume it
   * themselves); while one runs, the clock stays paused even when another excluded step ends.
   */
  public Set<String> pausedDuringProcesses() {
    return pausedDuringProcesses;
  }

  /** The user tasks whose time the law excludes from this clock: paused while they are open. */
  public Set<String> pausedDuringTasks() {
    return pausedDuringTasks;
  }

  public String label() {
    return label;
  }

  public String basis() {
    return basis;
  }

  /** The user tasks whose due date is this clock's due and whose follow-up date is its warning. */
  public Set<String> dueOfTasks() {
    return dueOfTasks;
  }

  /**
   * Timers in the case's processes that fire at this clock's warning (the reminder to the experts
   * before the inspection's due); they move with the clock.
   */
  public Set<String> warningTimers() {
    return warningTimers;
  }

  /**
   * The variable of the case's process instances that holds this clock's warning moment, for the
   * warning timers created after the clock last moved; written whenever the clock moves.
   */
  public Optional<ProcessVariable<Date>> warnAtVariable() {
    return Optional.ofNullable(warnAtVariable);
  }

  /** The user tasks whose completion meets this clock. */
  public Set<String> metByTasks() {
    return metByTasks;
  }
}
