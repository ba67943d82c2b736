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

  private final JdbcClient jdbc;

  LicenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String number, long applicationId, String type, String holder, String creditCode,
      LocalDate issueDate, LocalDate validUntil, OffsetDateTime issuedAt) {
    jdbc.sql("""
            insert into licence (licence_number, application_id, licence_type, holder_name,
              credit_code, issue_date, valid_until, issued_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(number, applicationId, type, holder, creditCode, issueDate, validUntil, issuedAt)
        .update();
  }

  Optional<Licence> findByApplication(long applicationId) {
    return jdbc.sql("select * from licence where application_id = ?")
        .param(applicationId).query(Rows.of(Licence.class)).optional();
  }
}
