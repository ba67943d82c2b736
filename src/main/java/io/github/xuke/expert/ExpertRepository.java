package io.github.xuke.expert;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code expert}, {@code expert_specialty} and {@code expert_conflict}. */
@Repository
public class ExpertRepository {

  private final JdbcClient jdbc;

  public ExpertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(long id, String userId, String name, String employer, String employerCreditCode,
      String region, String phone, boolean active, String email) {}

  /** Every expert, ordered by id (the order the draw relies on). */
  public List<Expert> findAll() {
    List<Row> rows = jdbc.sql("select * from expert order by id").query(Row.class).list();
    Map<Long, Set<Specialty>> specialties = new HashMap<>();
    jdbc.sql("select expert_id, specialty from expert_specialty").query((rs, n) -> {
      specialties.computeIfAbsent(rs.getLong(1), id -> EnumSet.noneOf(Specialty.class))
          .add(Specialty.valueOf(rs.getString(2)));
      return null;
    }).list();
    Map<Long, List<Expert.Conflict>> conflicts = new HashMap<>();
    jdbc.sql("select expert_id, credit_code, reason from expert_conflict order by id").query((rs, n) -> {
      conflicts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
          .add(new Expert.Conflict(rs.getString(2), rs.getString(3)));
      return null;
    }).list();
    return rows.stream().map(row -> new Expert(row.id(), row.userId(), row.name(),
        Set.copyOf(specialties.getOrDefault(row.id(), EnumSet.noneOf(Specialty.class))), row.employer(),
        row.employerCreditCode(), row.region(), row.phone(), row.active(),
        List.copyOf(conflicts.getOrDefault(row.id(), List.of())), row.email())).toList();
  }

  public Optional<Expert> findById(long id) {
    return findAll().stream().filter(expert -> expert.id() == id).findFirst();
  }

  public Optional<Expert> findByUserId(String userId) {
    return findAll().stream().filter(expert -> expert.userId().equals(userId)).findFirst();
  }

  public long insert(Expert data, OffsetDateTime at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into expert (user_id, name, employer, employer_credit_code, region, phone, active,
              created_at, updated_at, email)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(data.userId(), data.name(), data.employer(), data.employerCreditCode(), data.region(),
            data.phone(), data.active(), at, at, data.email())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    writeDetails(id, data, at);
    return id;
  }

  public void update(long id, Expert data, OffsetDateTime at) {
    jdbc.sql("""
            update expert set name = ?, employer = ?, employer_credit_code = ?, region = ?, phone = ?,
              active = ?, updated_at = ?, email = ?
            where id = ?""")
        .params(data.name(), data.employer(), data.employerCreditCode(), data.region(), data.phone(),
            data.active(), at, data.email(), id)
        .update();
    jdbc.sql("delete from expert_specialty where expert_id = ?").param(id).update();
    jdbc.sql("delete from expert_conflict where expert_id = ?").param(id).update();
    writeDetails(id, data, at);
  }

  private void writeDetails(long id, Expert data, OffsetDateTime at) {
    for (Specialty specialty : data.specialties()) {
      jdbc.sql("insert into expert_specialty (expert_id, specialty) values (?, ?)")
          .params(id, specialty.name()).update();
    }
    for (Expert.Conflict conflict : data.conflicts()) {
      jdbc.sql("insert into expert_conflict (expert_id, credit_code, reason, declared_at) values (?, ?, ?, ?)")
          .params(id, conflict.creditCode(), conflict.reason(), at).update();
    }
  }
}
