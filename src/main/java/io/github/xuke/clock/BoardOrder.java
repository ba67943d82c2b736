package io.github.xuke.clock;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Where a case stands on the SLA board, from its clocks: breached cases first, then those with a
 * provisional clock, then by the nearest due of a running clock — the row of {@code case_clock_summary}
 * that lets the board read one page in index order. A clock is watched while running or paused, or
 * breached and not yet met.
 */
record BoardOrder(long applicationId, int sortGroup, OffsetDateTime sortDue, OffsetDateTime nextDue,
    OffsetDateTime nextWarn, int runningClocks, int breachedClocks, int provisionalClocks, int pausedClocks) {

  static final int BREACHED = 0;
  static final int PROVISIONAL = 1;
  static final int WATCHED = 2;
  /** Nothing left to watch: the case is off the board. */
  static final int OFF_THE_BOARD = 9;
  /** The sort due of a case with no running clock: after every real due. */
  static final OffsetDateTime NO_DUE = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

  static boolean watched(CaseClock clock) {
    return clock.state() == ClockState.RUNNING || clock.state() == ClockState.PAUSED
        || (clock.state() == ClockState.BREACHED && clock.metAt() == null);
  }

  static BoardOrder of(long applicationId, List<CaseClock> clocks) {
    List<CaseClock> watched = clocks.stream().filter(BoardOrder::watched).toList();
    List<CaseClock> running = watched.stream().filter(clock -> clock.state() == ClockState.RUNNING).toList();
    int breached = (int) watched.stream().filter(clock -> clock.state() == ClockState.BREACHED).count();
    int provisional = (int) watched.stream().filter(CaseClock::provisional).count();
    int paused = (int) watched.stream().filter(clock -> clock.state() == ClockState.PAUSED).count();
    OffsetDateTime nextDue = running.stream().map(CaseClock::dueAt).min(Comparator.naturalOrder()).orElse(null);
    OffsetDateTime nextWarn = running.stream().map(CaseClock::warnAt).min(Comparator.naturalOrder()).orElse(null);
    int group = breached > 0 ? BREACHED : provisional > 0 ? PROVISIONAL : watched.isEmpty() ? OFF_THE_BOARD : WATCHED;
    return new BoardOrder(applicationId, group, nextDue == null ? NO_DUE : nextDue, nextDue, nextWarn,
        running.size(), breached, provisional, paused);
  }
}
