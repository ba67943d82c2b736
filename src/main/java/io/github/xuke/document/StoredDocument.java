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
    OffsetDateTime uploadedAt) {

  /** A photo or video of an on-site inspection: the bureau's record, not a material of the enterprise. */
  public boolean inspectionEvidence() {
    return materialCode == null;
  }
}
