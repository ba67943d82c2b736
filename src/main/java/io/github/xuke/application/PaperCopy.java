package io.github.xuke.application;

import java.time.OffsetDateTime;

/**
 * A paper copy of a material posted by EMS after online submission: its tracking number, when it
 * arrived, and whether it matches the uploaded copy.
 */
public record PaperCopy(long id, long materialItemId, String trackingNumber, OffsetDateTime receivedAt,
    String receivedBy, Boolean matchesUpload, String remark) {}
