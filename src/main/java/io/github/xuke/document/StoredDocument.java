package io.github.xuke.document;

import java.time.OffsetDateTime;

/** A document of a case: what was sent (name, type, size, SHA-256), by whom, when. */
public record StoredDocument(
    long id,
    long applicationId,
    String materialCode,
    String storageName,
    String originalName,
    String contentType,
    long sizeBytes,
    String sha256,
    String uploadedBy,
    OffsetDateTime uploadedAt) {}
