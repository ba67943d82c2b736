package io.github.xuke.clock;

import io.github.xuke.core.ApiException;
import io.github.xuke.core.LimitUnit;
import io.github.xuke.system.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The face of the clocks of every case: started, met, paused, resumed, extended, breached and
 * recalculated, each move recorded with its reason ({@link ClockRules} decide, {@link ClockWatch}
 * moves the engine's timers and due dates in the same transaction). Each open clock is watched by a
 * {@code CaseClock} process instance.
 */
@Service
@Transactional
public class CaseClocks {

  private final ClockRepository clocks;
  private final ClockRules rules;
  private final ClockWatch watch;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CaseClocks(ClockRepository clocks, ClockRules rules, ClockWatch watch, CurrentUser currentUser,
      ApplicationEventPublisher events, Clock clock) {
    this.clocks = clocks;
    this.rules = rules;
    this.watch = watch;
    this.currentUser = currentUser;
    this.events = events;
    this.clock = clock;
  }

  /** A clock passed its warning moment (published in the transaction of the warning). */
  public record Warned(CaseClock clock, String dueText) {}

  /** Starts a clock once; a second start of the same kind returns the first. */
  public CaseClock start(long applicationId, ClockKind kind, Instant startedAt, int limit, LimitUnit unit) {
    var existing = clocks.find(applicationId, kind);
    if (existing.isPresent()) {
      return existing.get();
    }
    ClockCalculator.Schedule schedule = rules.schedule(startedAt, unit, limit);
    long id = clocks.insert(applicationId, kind, ClockRules.utc(startedAt), limit, unit,
        ClockRules.utc(schedule.dueAt()), ClockRules.utc(schedule.warnAt()), schedule.provisional());
    clocks.addEvent(id, now(), ClockEvent.Type.STARTED, rules.startText(kind, limit, unit, schedule.provisional()),
        currentUser.id(), null, ClockRules.utc(schedule.dueAt()));
    return watched(clocks.get(id));
  }

  /** The correction-notice limit counts again from {@code at}: same row and history, a new watch. */
  public void restart(long applicationId, ClockKind kind, Instant at, String reason) {
    clocks.find(applicationId, kind).ifPresent(found -> {
      watch.stop(found);
      CaseClock restarted = found.restarted(ClockRules.utc(at));
      clocks.update(restarted);
      watched(recalculate(restarted, ClockEvent.Type.RESTARTED, reason, currentUser.id()));
    });
  }

  /** Met: the work was done in time (or late, after a breach: then only the time is recorded). */
  public void meet(long applicationId, ClockKind kind) {
    clocks.find(applicationId, kind).ifPresent(found -> rules.meet(found, now()).ifPresent(move -> {
      record(found, move);
      if (found.state().open()) {
        watch.stop(found);
      }
    }));
  }

  /** The warning moment passed (called by the watch). */
  public void warn(long clockId) {
    CaseClock found = clocks.get(clockId);
    rules.warn(found, now()).ifPresent(move -> {
      record(found, move);
      events.publishEvent(new Warned(move.after(), rules.dueText(move.after())));
    });
  }

  /**
   * What supervising a breach needs: the supervisor's due (one working day after the clock's) and
   * the variables its tasks show (the case, the clock and its due).
   */
  public record Breach(Date supervisionDue, Map<String, Object> shown) {}

  /** The due passed (called by the watch). */
  public Breach breach(long clockId) {
    CaseClock found = clocks.get(clockId);
    rules.breach(found, now()).ifPresent(move -> {
      record(found, move);
      rules.deemedAcceptance(move.after()).ifPresent(text ->
          clocks.addEvent(clockId, now(), ClockEvent.Type.DEEMED_ACCEPTED, text, currentUser.id(), null, null));
    });
    CaseClock breached = clocks.get(clockId);
    return new Breach(rules.supervisionDue(found), watch.shownAtBreach(breached, rules.dueText(breached)));
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

  /** Pauses the clock if the case has it running (a step the law excludes begins). */
  public void pauseIfRunning(long applicationId, ClockKind kind, String reason) {
    clocks.findForUpdate(applicationId, kind).filter(found -> found.state() == ClockState.RUNNING)
        .ifPresent(found -> paused(found, reason));
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

  /**
   * The excluded step that runs as process {@code endingProcessInstanceId} (or task {@code endingTaskId})
   * ended: the clock resumes, unless another excluded step of the case is still under way.
   */
  public void resumeIfPaused(long applicationId, ClockKind kind, String reason, String endingTaskId,
      String endingProcessInstanceId) {
    if (clocks.find(applicationId, kind).filter(found -> found.state() == ClockState.PAUSED).isPresent()
        && !watch.stillExcluded(applicationId, kind, endingTaskId, endingProcessInstanceId)) {
      clocks.findForUpdate(applicationId, kind).filter(found -> found.state() == ClockState.PAUSED)
          .ifPresent(found -> resumed(found, reason));
    }
  }

  /** Extends a clock by {@code units} (approved by the deputy director; the caller checks that). */
  public CaseClock extend(long applicationId, ClockKind kind, int units, String reason) {
    CaseClock found = openForChange(applicationId, kind);
    ClockRules.Move move = rules.extend(found, units, reason);
    return recalculate(move.after(), move.type(), move.reason(), currentUser.id());
  }

  /** The deputy director approved an extension asked for in {@code ClockExtension}. */
  public CaseClock approveExtension(long applicationId, ClockKind kind, int units, String reason, String comment) {
    return extend(applicationId, kind, units, reason
        + (comment == null || comment.isBlank() ? "" : "（分管局长：" + comment.strip() + "）"));
  }

  /** A breached clock runs again with {@code units} more (the breach stays in its history) and a new watch. */
  public void reopen(long clockId, int units, String reason) {
    ClockRules.Move move = rules.reopen(clocks.get(clockId), units, reason);
    clocks.update(move.after());
    watched(recalculate(move.after(), move.type(), move.reason(), currentUser.id()));
  }

  /** Records on a clock that the case ends for the reason given (the case's process takes its path). */
  public void recordCancellation(long clockId, String reason) {
    CaseClock found = clocks.get(clockId);
    clocks.addEvent(clockId, now(), ClockEvent.Type.CANCELLED, reason, currentUser.id(), found.dueAt(), null);
  }

  /** The case ended: its open clocks are cancelled and their watches end. */
  public void cancelAll(long applicationId, String reason) {
    for (CaseClock open : clocks.findByApplication(applicationId)) {
      if (open.state().open()) {
        record(open, new ClockRules.Move(open.cancelled(), ClockEvent.Type.CANCELLED, "案件已终止：" + reason));
        watch.stop(open);
      }
    }
  }

  /** A new calendar year moves every open clock that it changes. */
  public void recalculateOpen(String reason, String actor) {
    for (CaseClock open : clocks.findOpen()) {
      recalculate(open, ClockEvent.Type.RECALCULATED, reason, actor);
    }
  }

  /** The clock of a kind that governs the task {@code taskKey} of the case, if it has one. */
  public Optional<CaseClock> governing(long applicationId, String taskKey) {
    for (ClockKind kind : ClockKind.values()) {
      if (kind.dueOfTasks().contains(taskKey)) {
        return clocks.find(applicationId, kind);
      }
    }
    return Optional.empty();
  }

  /** The clock with this id. */
  public CaseClock ofCaseClock(long clockId) {
    return clocks.get(clockId);
  }

  public Optional<CaseClock> find(long applicationId, ClockKind kind) {
    return clocks.find(applicationId, kind);
  }

  public List<CaseClock> ofCase(long applicationId) {
    return clocks.findByApplication(applicationId);
  }

  public List<ClockEvent> history(long clockId) {
    return clocks.events(clockId);
  }

  // ---- moving

  private CaseClock watched(CaseClock started) {
    CaseClock watched = started.withWatch(watch.start(started));
    clocks.update(watched);
    watch.moveTasks(watched);
    return watched;
  }

  private CaseClock paused(CaseClock found, String reason) {
    ClockRules.Move move = rules.pause(found, now(), reason);
    record(found, move);
    watch.moveTimers(move.after()); // to the far future: a paused clock cannot fire
    watch.moveWarningTimers(move.after());
    return move.after();
  }

  private CaseClock resumed(CaseClock found, String reason) {
    ClockRules.Move move = rules.resume(found, now(), reason);
    return recalculate(move.after(), move.type(), move.reason(), currentUser.id());
  }

  private CaseClock recalculate(CaseClock changed, ClockEvent.Type type, String reason, String actor) {
    CaseClock stored = clocks.get(changed.id());
    CaseClock moved = rules.rescheduled(changed);
    if (moved.equals(stored) && type == ClockEvent.Type.RECALCULATED) {
      return stored;
    }
    clocks.update(moved);
    clocks.addEvent(moved.id(), now(), type, reason, actor, stored.dueAt(), moved.dueAt());
    watch.moveTimers(moved);
    watch.moveTasks(moved);
    return moved;
  }

  private void record(CaseClock before, ClockRules.Move move) {
    clocks.update(move.after());
    clocks.addEvent(move.after().id(), now(), move.type(), move.reason(), currentUser.id(), before.dueAt(),
        move.after().dueAt());
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

  private OffsetDateTime now() {
    return ClockRules.utc(clock.instant());
  }
}
