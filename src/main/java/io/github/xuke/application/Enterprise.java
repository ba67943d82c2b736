package io.github.xuke.application;

import java.time.OffsetDateTime;

/** An enterprise that applies for licences, identified by its unified social credit code. */
public record Enterprise(
    long id,
    String creditCode,
    String name,
    String contactName,
    String contactPhone,
    String district,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
