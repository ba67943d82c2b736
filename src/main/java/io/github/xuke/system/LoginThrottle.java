package io.github.xuke.system;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing without letting a stranger lock anybody out for good — in place of the
 * engine's lockout, which a wrong password once a second turns into a permanent lock of the admin.
 *
 * <ul>
 *   <li>per source address and per account: after {@value #FREE_FAILURES} failures in a row, each
 *       further attempt waits a delay that doubles with every failure, at most {@link #MAX_DELAY};
 *   <li>per source address: at most {@value #FAILURES_PER_MINUTE} failures a minute, whatever the
 *       accounts (spraying many accounts is as slow as guessing one);
 *   <li>a refused attempt does not extend a delay, so the right password works again at most
 *       {@link #MAX_DELAY} after the guessing stops; a success clears the account and the source's
 *       delay (not the source's minute).
 * </ul>
 * The state is in memory, per node: a restart forgets it, nothing is ever stored as a lock.
 */
public class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final int FAILURES_PER_MINUTE = 30;
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofSeconds(30);
  /** Above this many tracked keys, idle ones are dropped (a flood of invented names stays bounded). */
  static final int MAX_KEYS = 100_000;
  private static final Duration IDLE = Duration.ofMinutes(15);

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final Clock clock;
  private final MeterRegistry meters;
  private final Map<String, Failures> keys = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, MeterRegistry meters) {
    this.clock = clock;
    this.meters = meters;
  }

  /**
   * How long this attempt must wait (counted as {@code xuke.login.throttled}), or empty when it may
   * go on to the password check.
   */
  public Optional<Duration> wait(String source, String account, String channel) {
    Optional<Duration> wait = wait(source, account);
    wait.ifPresent(ignored -> meters.counter("xuke.login.throttled", "channel", channel).increment());
    return wait;
  }

  /** A wrong password: counted ({@code xuke.login.failures}), logged with the source, and slowed. */
  public void failed(String source, String account, String channel) {
    failed(source, account);
    meters.counter("xuke.login.failures", "channel", channel).increment();
    log.warn("Failed login of '{}' from {} ({})", printable(account), source, channel);
  }

  /** The seconds a client is told to wait ({@code Retry-After}), rounded up. */
  public static long seconds(Duration wait) {
    return Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
  }

  private static String printable(String text) {
    String shown = text == null ? "" : text.length() > 64 ? text.substring(0, 64) + "…" : text;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }

  /** How long this attempt must wait, or empty when it may go on to the password check. */
  public Optional<Duration> wait(String source, String account) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : new String[] {sourceKey(source), accountKey(account)}) {
      Failures failures = key == null ? null : keys.get(key);
      if (failures != null) {
        Duration left = failures.waitAt(now, key.startsWith("source:"));
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  public void failed(String source, String account) {
    Instant now = clock.instant();
    if (keys.size() > MAX_KEYS) {
      keys.values().removeIf(failures -> failures.idleSince(now, IDLE));
    }
    for (String key : new String[] {sourceKey(source), accountKey(account)}) {
      if (key != null) {
        keys.compute(key, (k, failures) -> (failures == null ? Failures.NONE : failures).failedAt(now));
      }
    }
  }

  public void succeeded(String source, String account) {
    String accountKey = accountKey(account);
    if (accountKey != null) {
      keys.remove(accountKey);
    }
    keys.computeIfPresent(sourceKey(source), (key, failures) -> failures.delayCleared());
  }

  private static String sourceKey(String source) {
    return source == null ? null : "source:" + source;
  }

  private static String accountKey(String account) {
    return account == null || account.isBlank() ? null : "account:" + account.trim().toLowerCase(Locale.ROOT);
  }

  /** Failures of one key: in a row (for the delay) and in the current minute (for the cap). */
  record Failures(int inARow, Instant last, long minute, int inMinute) {

    static final Failures NONE = new Failures(0, Instant.EPOCH, 0, 0);

    Failures failedAt(Instant now) {
      long thisMinute = now.getEpochSecond() / 60;
      return new Failures(inARow + 1, now, thisMinute, thisMinute == minute ? inMinute + 1 : 1);
    }

    Failures delayCleared() {
      return new Failures(0, last, minute, inMinute);
    }

    Duration waitAt(Instant now, boolean source) {
      if (now.isBefore(last)) {
        return Duration.ZERO; // the clock went back: no delay counted from the future
      }
      Duration wait = Duration.ZERO;
      if (inARow >= FREE_FAILURES) {
        int doublings = Math.min(inARow - FREE_FAILURES, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        delay = delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
        Duration left = Duration.between(now, last.plus(delay));
        wait = left.isNegative() ? Duration.ZERO : left;
      }
      long thisMinute = now.getEpochSecond() / 60;
      if (source && thisMinute == minute && inMinute >= FAILURES_PER_MINUTE) {
        Duration left = Duration.ofSeconds(60 - now.getEpochSecond() % 60);
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
      return wait;
    }

    boolean idleSince(Instant now, Duration idle) {
      return last.plus(idle).isBefore(now);
    }
  }
}
