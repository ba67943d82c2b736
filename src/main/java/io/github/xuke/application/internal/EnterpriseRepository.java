package io.github.xuke.application.internal;

import io.github.xuke.application.Enterprise;
import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Table {@code enterprise}. */
@Repository
public class EnterpriseRepository {

  private final JdbcClient jdbc;
  /** A savepoint in the caller's transaction: a refused insert must not abort it (PostgreSQL would). */
  private final TransactionTemplate savepoint;

  public EnterpriseRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public Optional<Enterprise> findById(long id) {
    return jdbc.sql("select * from enterprise where id = ?").param(id).query(Rows.of(Enterprise.class)).optional();
  }

  public Optional<Enterprise> findByCreditCode(String creditCode) {
    return jdbc.sql("select * from enterprise where credit_code = ?")
        .param(creditCode).query(Rows.of(Enterprise.class)).optional();
  }

  /**
   * The enterprise with this credit code, created or with its name and contact (and its district,
   * where the application names one) brought up to date from the latest application. Two applications of a new enterprise received at the same moment
   * make one enterprise: the second insert waits for the first and, refused, updates its row.
   */
  public long save(String creditCode, String name, String contactName, String contactPhone, String district,
      OffsetDateTime now) {
    Optional<Enterprise> existing = findByCreditCode(creditCode);
    if (existing.isEmpty()) {
      try {
        return savepoint.execute(status -> insert(creditCode, name, contactName, contactPhone, district, now));
      } catch (DuplicateKeyException createdMeanwhile) {
        existing = findByCreditCode(creditCode);
      }
    }
    if (existing.isPresent()) {
      jdbc.sql("""
              update enterprise set name = ?, contact_name = ?, contact_phone = ?,
                     district = coalesce(?, district), updated_at = ?
              where id = ?""")
          .params(name, contactName, contactPhone, district, now, existing.get().id())
          .update();
      return existing.get().id();
    }
    throw new IllegalStateException("enterprise " + creditCode + " refused as a duplicate but not found");
  }

  private long insert(String creditCode, String name, String contactName, String contactPhone, String district,
      OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into enterprise (credit_code, name, contact_name, contact_phone, district, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(creditCode, name, contactName, contactPhone, district, now, now)
        .update(key, "id");
    return key.getKey().longValue();
  }
}
