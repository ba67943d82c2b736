package io.github.xuke.core;

import io.github.xuke.core.NumberSequences;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.XukeTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Yearly numbers on the app's database (H2): taken at once, never twice. */
@XukeTest
class NumberSequencesTest {

  @Autowired NumberSequences sequences;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;

  /** A step that took a number and is still running holds nobody up (the lock timed out: HTTP 500). */
  @Test
  void aNumberTakenByAStepStillRunningDoesNotHoldUpTheNext() throws Exception {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService longStep = Executors.newSingleThreadExecutor();
    try {
      Future<Long> first = longStep.submit(() -> transaction.execute(status -> {
        long number = sequences.next("held", 2031);
        taken.countDown();
        awaitQuietly(finish);
        return number;
      }));
      assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

      long second = CompletableFuture.supplyAsync(() -> transaction.execute(status -> sequences.next("held", 2031)))
          .get(1, TimeUnit.SECONDS);

      finish.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(second).isEqualTo(2);
    } finally {
      finish.countDown();
      longStep.shutdownNow();
    }
  }

  @Test
  void aRolledBackStepLeavesAGapNeverADuplicate() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    long refused = transaction.execute(status -> {
      status.setRollbackOnly();
      return sequences.next("refused", 2031);
    });

    long next = transaction.execute(status -> sequences.next("refused", 2031));
    assertThat(next).isEqualTo(refused + 1);
  }

  @Test
  void anUpgradedDatabaseGoesOnWhereItsCounterStopped() {
    jdbc.sql("insert into number_sequence (name, seq_year, last_value) values ('notice:UPGRADED', 2031, 41)").update();

    assertThat(sequences.next("notice:UPGRADED", 2031)).isEqualTo(42);
    assertThat(sequences.next("notice:UPGRADED", 2032)).as("a new year starts at 1").isEqualTo(1);
  }

  @Test
  void everySeriesAndYearHasItsOwnSequenceName() {
    assertThat(NumberSequences.sequenceName("notice:ACCEPTANCE", 2026)).isEqualTo("xuke_nr_notice_acceptance_2026");
    assertThat(NumberSequences.sequenceName("licence:危化", 2026))
        .isNotEqualTo(NumberSequences.sequenceName("licence:危险", 2026)).matches("xuke_nh_[0-9a-f]{24}_2026");
    assertThat(NumberSequences.sequenceName("licence:" + "X".repeat(60), 2026)).hasSizeLessThanOrEqualTo(63);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
