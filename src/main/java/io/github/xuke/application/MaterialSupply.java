package io.github.xuke.application;

import java.time.OffsetDateTime;

/** One supply of a tolerated item and the clerk's re-check of it. */
public record MaterialSupply(
    long id,
    long materialItemId,
    SupplyChannel channel,
    String reference,
    Long documentId,
    OffsetDateTime suppliedAt,
    String suppliedBy,
    CheckResult checkResult,
    String checkReason,
    OffsetDateTime checkedAt,
    String checkedBy) {

  /** The clerk's re-check of a supply. */
  public enum CheckResult {
    /** 核验合格. */
    ACCEPTED,
    /** 核验不合格: the item is outstanding again, with the reason. */
    DEFECTIVE
  }
}
