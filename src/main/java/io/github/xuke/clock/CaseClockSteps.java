package io.github.xuke.clock;

import io.github.xuke.application.CaseEvents;
import io.github.xuke.calendar.CalendarYearLoaded;
import io.github.xuke.core.LimitUnit;
import io.github.xuke.expert.ExpertReviewEvents;
import io.github.xuke.system.XukeProperties;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of a case does to its clocks: which clock a step starts, meets, pauses or resumes
 * — from the case's events, the expert review's events, the calendar, and the user tasks as they
 * are created and completed ({@link ClockKind} says which tasks govern which clock).
 */
@Component
@Transactional
class CaseClockSteps {

  /** Days of the delivery limit after the decision (《行政许可法》第四十四条). */
  static final int DELIVERY_DAYS = 10;
  /** Working days to issue a correction notice or accept (《行政许可法》第三十二条). */
  static final int CORRECTION_NOTICE_WORKING_DAYS = 5;

  private final CaseClocks clocks;
  private final XukeProperties properties;

  CaseClockSteps(CaseClocks clocks, XukeProperties properties) {
    this.clocks = clocks;
    this.properties = properties;
  }

  @EventListener
  void on(CaseEvents.Received received) {
    clocks.start(received.applicationId(), ClockKind.CORRECTION_NOTICE, received.receivedAt(),
        CORRECTION_NOTICE_WORKING_DAYS, LimitUnit.WORKING_DAYS);
  }

  /** The corrected materials arrived: the 5 working days to accept (or ask again) count from now. */
  @EventListener
  void on(CaseEvents.Resubmitted resubmitted) {
    clocks.restart(resubmitted.applicationId(), ClockKind.CORRECTION_NOTICE, resubmitted.resubmittedAt(),
        "收到补正材料，重新起算");
  }

  @EventListener
  void on(CaseEvents.Accepted accepted) {
    long id = accepted.applicationId();
    clocks.meet(id, ClockKind.CORRECTION_NOTICE);
    clocks.start(id, ClockKind.INSPECTION, accepted.acceptedAt(), properties.inspectionWorkingDays(), LimitUnit.WORKING_DAYS);
    clocks.start(id, ClockKind.COMMITTED_DECISION, accepted.acceptedAt(), accepted.committedWorkingDays(),
        LimitUnit.WORKING_DAYS);
    clocks.start(id, ClockKind.STATUTORY_DECISION, accepted.acceptedAt(), accepted.statutoryValue(),
        accepted.statutoryUnit());
    if (accepted.supplyWorkingDays() != null) {
      clocks.start(id, ClockKind.TOLERATED_SUPPLY, accepted.acceptedAt(), accepted.supplyWorkingDays(),
          LimitUnit.WORKING_DAYS);
    }
  }

  @EventListener
  void on(CaseEvents.ToleratedItemsSupplied supplied) {
    clocks.meet(supplied.applicationId(), ClockKind.TOLERATED_SUPPLY);
  }

  @EventListener
  void on(CaseEvents.Decided decided) {
    clocks.meet(decided.applicationId(), ClockKind.COMMITTED_DECISION);
    clocks.meet(decided.applicationId(), ClockKind.STATUTORY_DECISION);
    if (decided.approved()) {
      clocks.start(decided.applicationId(), ClockKind.DELIVERY, decided.decidedAt(), DELIVERY_DAYS, LimitUnit.DAYS);
    }
  }

  @EventListener
  void on(CaseEvents.Closed closed) {
    clocks.cancelAll(closed.applicationId(), closed.reason());
  }

  /** Expert review does not count against the statutory limit (《行政许可法》第四十五条). */
  @EventListener
  void on(ExpertReviewEvents.Started started) {
    clocks.pauseIfRunning(started.applicationId(), ClockKind.STATUTORY_DECISION,
        "专家评审（专家预审技术材料）开始，依《行政许可法》第四十五条不计入法定期限");
  }

  @EventListener
  void on(ExpertReviewEvents.Ended ended) {
    clocks.resumeIfPaused(ended.applicationId(), ClockKind.STATUTORY_DECISION,
        "专家评审结束（" + ended.reviewers() + " 位专家提交预审意见）", null, ended.processInstanceId());
  }

  /** A new calendar year moves every open clock that it changes. */
  @EventListener
  void on(CalendarYearLoaded loaded) {
    clocks.recalculateOpen(loaded.year() + " 年节假日安排已导入", loaded.actor());
  }

  /**
   * A user task of the case was created: the clocks whose time it does not count pause; answers the
   * clock that times it (its due and follow-up dates), if any.
   */
  Optional<CaseClock> taskCreated(long applicationId, String taskKey, String taskName) {
    for (ClockKind kind : ClockKind.values()) {
      if (kind.pausedDuringTasks().contains(taskKey)) {
        clocks.pauseIfRunning(applicationId, kind, "依法不计入期限的环节开始：“" + taskName + "”");
      }
    }
    return clocks.governing(applicationId, taskKey);
  }

  /** A user task was completed: the clocks it meets are met, the clocks it paused resume. */
  void taskCompleted(long applicationId, String taskKey, String taskName, String taskId) {
    for (ClockKind kind : ClockKind.values()) {
      if (kind.pausedDuringTasks().contains(taskKey)) {
        clocks.resumeIfPaused(applicationId, kind, "“" + taskName + "”已完成", taskId, null);
      }
      if (kind.metByTasks().contains(taskKey)) {
        clocks.meet(applicationId, kind);
      }
    }
  }
}
