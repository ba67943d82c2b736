package io.github.xuke.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A Xuke case's inspection is booked for 09:00 of the next working day and may be recorded only once
 * it has begun: the benchmark's Xuke sides move the engine's clock (which is also the app's) to 09:45
 * of that day for the rest of the case, the clock still running, and back afterwards. The sides run
 * one case after another, so no other case sees the moved clock.
 */
final class InspectionHour {

  static final LocalTime START = LocalTime.of(9, 0);
  /** When the photo was taken: between the start and now. */
  static final LocalTime PHOTO = LocalTime.of(9, 40);
  static final LocalTime RECORDED = LocalTime.of(9, 45);

  private InspectionHour() {}

  /** From now on the clock reads the inspection day's 09:45 and runs on. */
  static void begin(LocalDate day) {
    Instant recorded = day.atTime(RECORDED).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    ClockUtil.offset(Duration.between(Instant.now(), recorded).toMillis());
  }

  /** The real clock again. */
  static void end() {
    ClockUtil.reset();
  }
}
