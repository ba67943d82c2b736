package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves, without an engine. */
class LoginThrottleTest {

  Instant now = Instant.parse("2026-12-01T08:00:10Z");
  final LoginThrottle throttle = new LoginThrottle(new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }, new SimpleMeterRegistry());

  @Test
  void delaysGrowAfterTheFreeFailuresAndNeverExceedTheMaximum() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
      throttle.failed("10.0.0.1", "admin");
      assertThat(throttle.wait("10.0.0.1", "admin")).isEmpty();
    }
    throttle.failed("10.0.0.1", "admin");
    assertThat(throttle.wait("10.0.0.1", "admin")).contains(Duration.ofSeconds(1));
    throttle.failed("10.0.0.1", "admin");
    assertThat(throttle.wait("10.0.0.1", "admin")).contains(Duration.ofSeconds(2));
    for (int i = 0; i < 40; i++) {
      throttle.failed("10.0.0.1", "admin");
    }
    assertThat(throttle.wait("10.0.0.1", "admin")).hasValueSatisfying(wait ->
        assertThat(wait).isLessThanOrEqualTo(LoginThrottle.MAX_DELAY.plusSeconds(60)));
    // another source is delayed on the attacked account, at most MAX_DELAY after the last failure
    assertThat(throttle.wait("10.0.0.2", "admin")).contains(LoginThrottle.MAX_DELAY);
    now = now.plus(LoginThrottle.MAX_DELAY);
    assertThat(throttle.wait("10.0.0.2", "admin")).isEmpty();
  }

  @Test
  void theRightPasswordWorksAgainWithinAMinuteOfTheGuessingStopping() {
    for (int i = 0; i < 1000; i++) {
      if (throttle.wait("10.0.0.1", "admin").isEmpty()) {
        throttle.failed("10.0.0.1", "admin");
      }
      now = now.plusMillis(300);
    }
    now = now.plusSeconds(60);
    assertThat(throttle.wait("10.0.0.1", "admin")).isEmpty();
    assertThat(throttle.wait("10.0.0.9", "admin")).isEmpty();
    throttle.succeeded("10.0.0.1", "admin");
    assertThat(throttle.wait("10.0.0.1", "admin")).isEmpty();
  }

  @Test
  void guessesAreSlowedToAFewAMinute() {
    int checked = 0;
    Instant end = now.plus(Duration.ofMinutes(5));
    while (now.isBefore(end)) {
      if (throttle.wait("10.0.0.1", "admin").isEmpty()) {
        throttle.failed("10.0.0.1", "admin");
        checked++;
      }
      now = now.plusMillis(100);
    }
    // 5 free, then 1+2+4+8+16 s, then one every 30 s: about 5 + 5 + 9
    assertThat(checked).isBetween(10, 25);
  }

  @Test
  void sprayingManyAccountsFromOneSourceIsSlowedToo() {
    for (int i = 0; i < 16; i++) {
      if (throttle.wait("10.0.0.1", "user" + i).isEmpty()) {
        throttle.failed("10.0.0.1", "user" + i);
      }
    }
    assertThat(throttle.wait("10.0.0.1", "user15")).isPresent();
    assertThat(throttle.wait("10.0.0.1", "clerk")).as("the source waits, whatever the account").isPresent();
    assertThat(throttle.wait("10.0.0.7", "clerk")).as("other sources are not held up").isEmpty();
  }

  @Test
  void aSourceHasACapPerMinuteEvenWithSuccessesInBetween() {
    int checked = 0;
    for (int i = 0; i < 200; i++) {
      if (throttle.wait("10.0.0.1", "user" + i).isEmpty()) {
        throttle.failed("10.0.0.1", "user" + i);
        throttle.succeeded("10.0.0.1", "own-account");
        checked++;
      }
    }
    assertThat(checked).isEqualTo(LoginThrottle.FAILURES_PER_MINUTE);
  }

  @Test
  void aClockSetBackDoesNotHoldAnybody() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("10.0.0.1", "admin");
    }
    now = now.minus(Duration.ofHours(1));
    assertThat(throttle.wait("10.0.0.1", "admin")).isEmpty();
  }
}
