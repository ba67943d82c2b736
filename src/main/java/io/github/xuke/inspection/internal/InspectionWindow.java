package io.github.xuke.inspection.internal;

import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.inspection.Inspection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When an inspection can have happened: its record only once its scheduled start has come (in the
 * bureau's zone), and its photos and videos only between the start and the record — with
 * {@code xuke.inspection-evidence-tolerance} (default 30 minutes) either side, for a camera set a little
 * wrong or a photo of the arrival — and never later than now, give or take
 * {@code xuke.clock-skew-tolerance} (default 5 minutes) between the device's clock and the server's.
 * Every refusal says why, naming the times as {@code YYYY-MM-DD HH:mm}.
 */
@Component
public class InspectionWindow {

  private final WorkingDays workingDays;
  private final Clock clock;
  private final Duration tolerance;
  private final Duration clockSkew;

  public InspectionWindow(WorkingDays workingDays, Clock clock,
      @Value("${xuke.inspection-evidence-tolerance:30m}") Duration tolerance,
      @Value("${xuke.clock-skew-tolerance:5m}") Duration clockSkew) {
    if (tolerance.isNegative() || clockSkew.isNegative()) {
      throw new IllegalArgumentException("xuke.inspection-evidence-tolerance and xuke.clock-skew-tolerance cannot be negative");
    }
    this.workingDays = workingDays;
    this.clock = clock;
    this.tolerance = tolerance;
    this.clockSkew = clockSkew;
  }

  /** Refused, naming {@code field}, while the inspection's scheduled start is still to come. */
  public void requireStarted(Inspection inspection, String field) {
    Instant now = clock.instant();
    if (now.isBefore(inspection.startsAt().toInstant())) {
      throw new InvalidApplicationException(field, "现场核查尚未开始：本次核查安排在 " + time(inspection.startsAt())
          + " 开始，现在是 " + time(now) + "。核查开始后方可登记核查记录。");
    }
  }

  /**
   * Refused, naming {@code field}, unless a photo or video taken at {@code capturedAt} can be of this
   * inspection: not before its start, not after its record (or now, while it is not recorded), never in
   * the future. {@code what} names the file in the reason ("拍摄时间", "影像资料“a.jpg”的拍摄时间").
   */
  public void requireInside(Inspection inspection, OffsetDateTime capturedAt, String what, String field) {
    Instant now = clock.instant();
    Instant captured = capturedAt.toInstant();
    Instant earliest = inspection.startsAt().toInstant().minus(tolerance);
    if (captured.isAfter(now.plus(clockSkew))) {
      throw new InvalidApplicationException(field, what + " " + time(captured) + " 晚于现在（" + time(now)
          + "）：拍摄时间不能是将来的时间，请核对拍摄设备的时钟。");
    }
    if (captured.isBefore(earliest)) {
      throw new InvalidApplicationException(field, what + " " + time(captured) + " 早于本次现场核查：核查安排在 "
          + time(inspection.startsAt()) + " 开始，拍摄时间最早为 " + time(earliest) + "（允许 " + minutes(tolerance)
          + " 分钟误差）。");
    }
    if (inspection.recordedAt() != null) {
      Instant latest = inspection.recordedAt().toInstant().plus(tolerance);
      if (captured.isAfter(latest)) {
        throw new InvalidApplicationException(field, what + " " + time(captured) + " 晚于本次现场核查：核查记录已于 "
            + time(inspection.recordedAt()) + " 登记，拍摄时间最晚为 " + time(latest) + "（允许 " + minutes(tolerance)
            + " 分钟误差）。");
      }
    }
  }

  private String time(OffsetDateTime at) {
    return time(at.toInstant());
  }

  private String time(Instant at) {
    return at.atZone(workingDays.zone()).format(AppointmentRules.TIME);
  }

  private static long minutes(Duration duration) {
    return duration.toMinutes();
  }
}
