package io.github.xuke.casefile;

import io.github.xuke.application.LicenceApplication;
import io.github.xuke.clock.ClockView;
import io.github.xuke.clock.SlaBoard;
import io.github.xuke.core.LimitUnit;
import io.github.xuke.system.CurrentUser;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * How a case file's case progresses: its clocks with the working days left, and its history — the
 * milestones the case records (received, accepted, decided, completed, archived), every notice
 * issued, and every user task of the case and of the processes it calls (expert review), done by
 * whom and when, or still open with whom.
 */
@Component
class Progress {

  /** The most steps a case file lists (a case has about twenty). */
  static final int MAX_TASKS = 500;

  private final HistoryService historyService;
  private final CurrentUser currentUser;
  private final SlaBoard clocks;

  Progress(HistoryService historyService, CurrentUser currentUser, SlaBoard clocks) {
    this.historyService = historyService;
    this.currentUser = currentUser;
    this.clocks = clocks;
  }

  List<CaseFile.ClockFile> clocks(long applicationId) {
    return clocks.ofCase(applicationId).stream().map(Progress::clock).toList();
  }

  private static CaseFile.ClockFile clock(ClockView view) {
    boolean workingDays = view.limitUnit() == LimitUnit.WORKING_DAYS;
    String remaining = null;
    if (view.remaining() != null) {
      String unit = workingDays ? "个工作日" : "日";
      remaining = view.remaining() > 0 ? "剩余 " + view.remaining() + " " + unit
          : view.remaining() == 0 ? "剩余 0 " + unit + "（今日到期）" : "已超期 " + -view.remaining() + " " + unit;
    }
    return new CaseFile.ClockFile(view.label(), view.stateLabel(), view.dueAt(), workingDays ? view.remaining() : null,
        remaining, view.light().name());
  }

  List<CaseFile.HistoryEntry> history(LicenceApplication application, List<CaseFile.NoticeFile> notices, StaffNames names) {
    List<CaseFile.HistoryEntry> entries = new ArrayList<>();
    add(entries, application.receivedAt(), names.of(application.receivedBy()), "收件");
    add(entries, application.acceptedAt(), names.of(application.acceptedBy()), "受理");
    if (application.decidedAt() != null) {
      add(entries, application.decidedAt(), names.of(application.decidedBy()), "作出许可决定："
          + CaseFiles.decisionText(application.decision()));
    }
    add(entries, application.completedAt(), null, "办结");
    add(entries, application.archivedAt(), "系统", "归档");
    notices.forEach(notice -> add(entries, notice.signedAt() == null ? notice.issuedAt() : notice.signedAt(),
        notice.signedAt() == null ? notice.issuedBy() : notice.signedBy(),
        (notice.signedAt() == null ? "出具" : "电子签章后重新出具") + notice.title() + "（" + notice.noticeNumber() + "）"));
    // who may read the case was checked by the case file; the history itself is the engine's bookkeeping
    List<HistoricTaskInstance> tasks = currentUser.withoutAuthorization(() -> historyService
        .createHistoricTaskInstanceQuery().processInstanceBusinessKey(application.caseNumber())
        .orderByHistoricActivityInstanceStartTime().asc().listPage(0, MAX_TASKS));
    for (HistoricTaskInstance task : tasks) {
      if (task.getEndTime() == null) {
        add(entries, at(task.getStartTime()), names.of(task.getAssignee()),
            "办理中：" + task.getName() + (task.getAssignee() == null ? "（待认领）" : ""));
      } else if (TaskEntity.DELETE_REASON_COMPLETED.equals(task.getDeleteReason())) {
        add(entries, at(task.getEndTime()), names.of(task.getAssignee()), "完成：" + task.getName());
      }
    }
    entries.sort(Comparator.comparing(CaseFile.HistoryEntry::at));
    return entries;
  }

  private static void add(List<CaseFile.HistoryEntry> entries, OffsetDateTime at, String who, String what) {
    if (at != null) {
      entries.add(new CaseFile.HistoryEntry(at, who, what));
    }
  }

  private static OffsetDateTime at(Date date) {
    return date.toInstant().atOffset(ZoneOffset.UTC);
  }
}
