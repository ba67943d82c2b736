package io.github.xuke.licence;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An issued licence (许可证). {@code validUntil} is null for a type without expiry. */
public record Licence(
    long id,
    String licenceNumber,
    long applicationId,
    String licenceType,
    String holderName,
    String creditCode,
    LocalDate issueDate,
    LocalDate validUntil,
    OffsetDateTime issuedAt) {}
