package io.github.xuke.application;

import io.github.xuke.core.LimitUnit;
import java.time.Instant;

/**
 * What happens to a case that other parts of the app (the clocks) follow. Published inside the
 * transaction of the step, so listeners act in the same transaction.
 */
public final class CaseEvents {

  private CaseEvents() {}

  /** 收件: the correction-notice limit starts. */
  public record Received(long applicationId, Instant receivedAt) {}

  /** The corrected materials arrived: the limit to accept or correct again starts anew. */
  public record Resubmitted(long applicationId, Instant resubmittedAt) {}

  /** 受理: the decision, inspection and supply limits start. */
  public record Accepted(long applicationId, Instant acceptedAt, int committedWorkingDays,
      int statutoryValue, LimitUnit statutoryUnit, Integer supplyWorkingDays) {}

  /** A tolerated item arrived without the clerk (online, on site): the forms that list items refresh. */
  public record MaterialsChanged(long applicationId) {}

  /** The last tolerated item arrived and passed its re-check. */
  public record ToleratedItemsSupplied(long applicationId) {}

  /** 首席代表审批: approved (delivery limit starts) or refused. */
  public record Decided(long applicationId, Instant decidedAt, boolean approved) {}

  /** The case ended without a licence (not accepted, refused): open clocks stop. */
  public record Closed(long applicationId, String reason) {}
}
