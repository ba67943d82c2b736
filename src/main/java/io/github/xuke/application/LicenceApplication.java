package io.github.xuke.application;

import java.time.OffsetDateTime;

/**
 * A licence application (one case), as stored in table {@code licence_application}; the licence
 * type's name, limits and validity are copied at intake and read from here afterwards.
 */
public record LicenceApplication(
    long id,
    String caseNumber,
    long enterpriseId,
    String enterpriseName,
    String licenceType,
    ApplicationStatus status,
    String processInstanceId,
    OffsetDateTime receivedAt,
    String receivedBy,
    Integer committedLimitDays,
    Integer statutoryLimitValue,
    String statutoryLimitUnit,
    OffsetDateTime correctionNotifiedAt,
    OffsetDateTime acceptedAt,
    String acceptedBy,
    OffsetDateTime supplyDueAt,
    String decision,
    String decisionReason,
    OffsetDateTime decidedAt,
    String decidedBy,
    String nonAcceptanceReason,
    String deliveryMethod,
    String trackingNumber,
    OffsetDateTime completedAt,
    OffsetDateTime archivedAt,
    String evaluatorName,
    String evaluatorCreditCode,
    String licenceTypeName,
    Integer validityYears,
    String registeredAddress,
    String principalName,
    String businessMode,
    String licenceScope) {

  /** The licence type's name as stored at intake (its code for a case received before names were stored). */
  public String typeName() {
    return licenceTypeName != null ? licenceTypeName : licenceType;
  }
}
