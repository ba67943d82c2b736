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
    String supplyReference) {}
