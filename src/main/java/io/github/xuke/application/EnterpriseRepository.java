package io.github.xuke.application;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code enterprise}. */
@Repository
public class EnterpriseRepository {

  private final JdbcClient jdbc;

  public EnterpriseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Enterprise> findById(long id) {
    return jdbc.sql("select * from enterprise where id = ?").param(id).query(Enterprise.class).optional();
  }

  public Optional<Enterprise> findByCreditCode(String creditCode) {
    return jdbc.sql("select * from enterprise where credit_code = ?")
        .param(creditCode).query(Enterprise.class).optional();
  }

  /**
   * The enterprise with this credit code, created or with its name and contact brought up to date
   * from the latest application.
   */
  public long save(String creditCode, String name, String contactName, String contactPhone,
      OffsetDateTime now) {
    Optional<Enterprise> existing = findByCreditCode(creditCode);
    if (existing.isPresent()) {
      jdbc.sql("""
              update enterprise set name = ?, contact_name = ?, contact_phone = ?, updated_at = ?
              where id = ?""")
          .params(name, contactName, contactPhone, now, existing.get().id())
          .update();
      return existing.get().id();
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into enterprise (credit_code, name, contact_name, contact_phone, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(creditCode, name, contactName, contactPhone, now, now)
        .update(key, "id");
    return key.getKey().longValue();
  }
}
