package io.github.xuke.clock;

import io.github.xuke.core.LimitUnit;
import java.time.OffsetDateTime;

/**
 * One clock of a case. Its due is computed from its inputs — start, limit, extensions, completed
 * pauses — and the calendar, so a new calendar year or a pause moves it without guesswork.
 */
public record CaseClock(
    long id,
    long applicationId,
    ClockKind kind,
    OffsetDateTime startedAt,
    int limitValue,
    LimitUnit limitUnit,
    int extensionValue,
    int pausedValue,
    OffsetDateTime pausedSince,
    OffsetDateTime dueAt,
    OffsetDateTime warnAt,
    boolean provisional,
    ClockState state,
    OffsetDateTime warnedAt,
    OffsetDateTime metAt,
    OffsetDateTime breachedAt,
    String processInstanceId) {

  /** The limit the due is computed from: the limit, extensions and completed pauses. */
  public int totalValue() {
    return limitValue + extensionValue + pausedValue;
  }

  /** Met now; a breached clock stays breached, with the time the work was done. */
  public CaseClock met(OffsetDateTime at) {
    return new CaseClock(id, applicationId, kind, startedAt, limitValue, limitUnit, extensionValue,
        pausedValue, null, dueAt, warnAt, provisional,
        state == ClockState.BREACHED ? ClockState.BREACHED : ClockState.MET, warnedAt, at, breachedAt,
        processInstanceId);
  }

  /** Counting anew from {@code at}: running, no extension, pause, warning, breach or completion. */
  public CaseClock restarted(OffsetDateTime at) {
    return new CaseClock(id, applicationId, kind, at, limitValue, limitUnit, 0, 0, null, dueAt, warnAt,
        provisional, ClockState.RUNNING, null, null, null, processInstanceId);
  }

  /** Running again after a breach, with a larger extension; the breach time is kept. */
  public CaseClock reopened(int newExtensionValue) {
    return new CaseClock(id, applicationId, kind, startedAt, limitValue, limitUnit, newExtensionValue,
        pausedValue, null, dueAt, warnAt, provisional, ClockState.RUNNING, null, null, breachedAt,
        processInstanceId);
  }

  public CaseClock breached(OffsetDateTime at) {
    return new CaseClock(id, applicationId, kind, startedAt, limitValue, limitUnit, extensionValue,
        pausedValue, pausedSince, dueAt, warnAt, provisional, ClockState.BREACHED, warnedAt, metAt, at,
        processInstanceId);
  }

  public CaseClock cancelled() {
    return new CaseClock(id, applicationId, kind, startedAt, limitValue, limitUnit, extensionValue,
        pausedValue, null, dueAt, warnAt, provisional, ClockState.CANCELLED, warnedAt, metAt, breachedAt,
        processInstanceId);
  }

  public CaseClock withWarned(OffsetDateTime at) {
    return new CaseClock(id, applicationId, kind, startedAt, limitValue, limitUnit, extensionValue,
        pausedValue, pausedSince, dueAt, warnAt, provisional, state, at, metAt, breachedAt, processInstanceId);
  }

  public CaseClock withPause(ClockState newState, int newPausedValue, OffsetDateTime since) {
    return new CaseClock(id, applicationId, kind, startedAt, limitValue, limitUnit, extensionValue,
        newPausedValue, since, dueAt, warnAt, provisional, newState, warnedAt, metAt, breachedAt,
        processInstanceId);
  }

  public CaseClock withExtension(int newExtensionValue) {
    return new CaseClock(id, applicationId, kind, startedAt, limitValue, limitUnit, newExtensionValue,
        pausedValue, pausedSince, dueAt, warnAt, provisional, state, warnedAt, metAt, breachedAt,
        processInstanceId);
  }

  public CaseClock withSchedule(OffsetDateTime newDueAt, OffsetDateTime newWarnAt, boolean newProvisional) {
    return new CaseClock(id, applicationId, kind, startedAt, limitValue, limitUnit, extensionValue,
        pausedValue, pausedSince, newDueAt, newWarnAt, newProvisional, state, warnedAt, metAt, breachedAt,
        processInstanceId);
  }

  public CaseClock withWatch(String watchInstanceId) {
    return new CaseClock(id, applicationId, kind, startedAt, limitValue, limitUnit, extensionValue,
        pausedValue, pausedSince, dueAt, warnAt, provisional, state, warnedAt, metAt, breachedAt,
        watchInstanceId);
  }
}
