package io.github.xuke.application;

import java.time.OffsetDateTime;

/** One required material of an application and its state. */
public record MaterialItem(
    long id,
    long applicationId,
    String materialCode,
    String materialName,
    boolean keyMaterial,
    MaterialStatus status,
    OffsetDateTime submittedAt,
    OffsetDateTime suppliedAt,
    String recordedBy,
    SupplyChannel supplyChannel,
    String supplyReference,
    String statusReason) {

  /** Whether the item stops the case from being accepted: a key material missing or defective. */
  public boolean blocksAcceptance() {
    return keyMaterial && (status == MaterialStatus.MISSING || status == MaterialStatus.DEFECTIVE);
  }

  /** The state as the applicant reads it, with the reason if there is one. */
  public String stateText() {
    return statusReason == null ? status.displayName() : status.displayName() + "：" + statusReason;
  }
}
