package io.github.xuke.licence;

import io.github.xuke.core.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code licence}. */
@Repository
class LicenceRepository {

  /** Every column but the signed certificate, which only a print reads. */
  private static final String COLUMNS = """
      id, licence_number, application_id, licence_type, holder_name, credit_code, issue_date, valid_until,
      issued_at, verification_code, registered_address, principal_name, business_mode, licence_scope,
      approved_by, revoked_at, revocation_reason, renewed_by, signed_at, signed_by""";

  private final JdbcClient jdbc;

  LicenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String number, LicenceService.Holder holder, String type, LocalDate issueDate, LocalDate validUntil,
      OffsetDateTime issuedAt, String verificationCode) {
    jdbc.sql("""
            insert into licence (licence_number, application_id, licence_type, holder_name,
              credit_code, issue_date, valid_until, issued_at, verification_code, registered_address,
              principal_name, business_mode, licence_scope, approved_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(number, holder.applicationId(), type, holder.holderName(), holder.creditCode(), issueDate,
            validUntil, issuedAt, verificationCode, holder.registeredAddress(), holder.principalName(),
            holder.businessMode(), holder.licenceScope(), holder.approvedBy())
        .update();
  }

  Optional<Licence> findByApplication(long applicationId) {
    return jdbc.sql("select " + COLUMNS + " from licence where application_id = ?")
        .param(applicationId).query(Rows.of(Licence.class)).optional();
  }

  Optional<Licence> findByVerificationCode(String code) {
    return jdbc.sql("select " + COLUMNS + " from licence where verification_code = ?")
        .param(code).query(Rows.of(Licence.class)).optional();
  }

  /** A licence issued before verification codes existed gets one when it is first printed. */
  void setVerificationCode(long id, String code) {
    jdbc.sql("update licence set verification_code = ? where id = ? and verification_code is null")
        .params(code, id).update();
  }

  /** The signed certificate, once only: a second signature (a retried step) changes nothing. */
  boolean sign(long id, byte[] certificate, OffsetDateTime at, String by) {
    return jdbc.sql("""
            update licence set signed_certificate = ?, signed_at = ?, signed_by = ?
            where id = ? and signed_certificate is null""")
        .params(certificate, at, by, id).update() == 1;
  }

  Optional<byte[]> signedCertificate(long id) {
    return jdbc.sql("select signed_certificate from licence where id = ? and signed_certificate is not null")
        .param(id).query((rs, n) -> rs.getBytes(1)).optional();
  }
}
