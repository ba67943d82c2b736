package io.github.xuke.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.core.LimitUnit;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLA board's order of a case, from its clocks alone. */
class BoardOrderTest {

  static final OffsetDateTime T = OffsetDateTime.parse("2026-06-01T09:00:00+08:00");

  @Test
  void aBreachedClockNotYetMetPutsTheCaseFirstAndARunningClockGivesTheDue() {
    BoardOrder order = BoardOrder.of(7, List.of(clock(ClockState.RUNNING, 3, false, null),
        clock(ClockState.BREACHED, 1, false, null), clock(ClockState.RUNNING, 2, true, null)));

    assertThat(order.sortGroup()).isEqualTo(BoardOrder.BREACHED);
    assertThat(order.nextDue()).isEqualTo(T.plusDays(2));
    assertThat(order.sortDue()).isEqualTo(order.nextDue());
    assertThat(order.nextWarn()).isEqualTo(T.plusDays(1));
    assertThat(order).extracting(BoardOrder::runningClocks, BoardOrder::breachedClocks,
        BoardOrder::provisionalClocks, BoardOrder::pausedClocks).containsExactly(2, 1, 1, 0);
  }

  @Test
  void aBreachedClockDoneLateIsNoLongerWatched() {
    BoardOrder order = BoardOrder.of(7, List.of(clock(ClockState.BREACHED, 1, false, T),
        clock(ClockState.RUNNING, 4, true, null)));

    assertThat(order.sortGroup()).isEqualTo(BoardOrder.PROVISIONAL);
    assertThat(order.breachedClocks()).isZero();
  }

  @Test
  void pausedClocksStayOnTheBoardAfterEveryDueAndMetOnesLeaveIt() {
    BoardOrder paused = BoardOrder.of(7, List.of(clock(ClockState.PAUSED, 1, false, null),
        clock(ClockState.MET, 1, false, T)));
    assertThat(paused.sortGroup()).isEqualTo(BoardOrder.WATCHED);
    assertThat(paused.nextDue()).isNull();
    assertThat(paused.sortDue()).isEqualTo(BoardOrder.NO_DUE).isAfter(T.plusYears(1000));
    assertThat(paused.pausedClocks()).isOne();

    assertThat(BoardOrder.of(7, List.of(clock(ClockState.MET, 1, false, T))).sortGroup())
        .isEqualTo(BoardOrder.OFF_THE_BOARD);
    assertThat(BoardOrder.of(7, List.of()).sortGroup()).isEqualTo(BoardOrder.OFF_THE_BOARD);
  }

  private static CaseClock clock(ClockState state, int dueInDays, boolean provisional, OffsetDateTime metAt) {
    return new CaseClock(1, 7, ClockKind.INSPECTION, T, 3, LimitUnit.WORKING_DAYS, 0, 0, null, T.plusDays(dueInDays),
        T.plusDays(dueInDays - 1), provisional, state, null, metAt, null, null);
  }
}
