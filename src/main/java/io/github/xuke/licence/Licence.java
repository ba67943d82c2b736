package io.github.xuke.licence;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An issued licence (许可证). {@code validUntil} is null for a type without expiry. The particulars
 * (address, principal, business mode, scope) are the case's, as the certificate prints them;
 * {@code verificationCode} is the unguessable code of its public verification page (the QR code);
 * {@code signedAt}/{@code signedBy}: when the certificate was re-issued with the bureau's signature.
 */
public record Licence(
    long id,
    String licenceNumber,
    long applicationId,
    String licenceType,
    String holderName,
    String creditCode,
    LocalDate issueDate,
    LocalDate validUntil,
    OffsetDateTime issuedAt,
    String verificationCode,
    String registeredAddress,
    String principalName,
    String businessMode,
    String licenceScope,
    String approvedBy,
    OffsetDateTime revokedAt,
    String revocationReason,
    String renewedBy,
    OffsetDateTime signedAt,
    String signedBy) {

  /** What the public verification page says of a licence. */
  public enum Standing {
    VALID("有效"), EXPIRED("已过期"), REVOKED("已撤销"), RENEWED("已换发");

    private final String label;

    Standing(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The licence's standing on a day: revoked, renewed (replaced by a new licence), expired, or valid. */
  public Standing standingOn(LocalDate day) {
    if (revokedAt != null) {
      return Standing.REVOKED;
    }
    if (renewedBy != null) {
      return Standing.RENEWED;
    }
    if (validUntil != null && day.isAfter(validUntil)) {
      return Standing.EXPIRED;
    }
    return Standing.VALID;
  }
}
