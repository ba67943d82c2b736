package io.github.xuke.licence;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Bounds how fast one client address may ask the public verification page: at most
 * {@link #PER_MINUTE} questions a minute, so that nobody walks through codes (they are 192-bit random
 * anyway) or loads the database through a public page. In memory, per node, like the login throttle;
 * the number of tracked addresses is bounded.
 */
@Component
class VerificationThrottle {

  static final int PER_MINUTE = 60;
  static final int MAX_ADDRESSES = 100_000;

  private final Clock clock;
  private final Map<String, long[]> minutes = new ConcurrentHashMap<>();
  /** The limit in force; tests lower it to reach it quickly. */
  volatile int perMinute = PER_MINUTE;

  VerificationThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Counts a question from this address; how long it must wait when it is over the limit. */
  Optional<Duration> ask(String address) {
    long now = clock.millis();
    long minute = now / 60_000;
    if (minutes.size() > MAX_ADDRESSES) {
      minutes.values().removeIf(window -> window[0] != minute);
    }
    long[] window = minutes.compute(address, (key, old) ->
        old == null || old[0] != minute ? new long[] {minute, 1} : new long[] {minute, old[1] + 1});
    if (window[1] <= perMinute) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis((minute + 1) * 60_000 - now));
  }

  /** Forgets every address (tests). */
  void forget() {
    minutes.clear();
  }
}
