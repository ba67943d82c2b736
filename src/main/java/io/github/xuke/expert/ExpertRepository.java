package io.github.xuke.expert;

import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code expert}, {@code expert_specialty} and {@code expert_conflict}. One expert is read by its
 * key alone; a whole file of experts is written in JDBC batches, so an import grows with its lines.
 */
@Repository
class ExpertRepository {

  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;

  ExpertRepository(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  private record Row(long id, String userId, String name, String employer, String employerCreditCode,
      String region, String phone, boolean active, String email) {}

  /** Every expert, ordered by id (the order the draw relies on). */
  List<Expert> findAll() {
    return experts("");
  }

  Optional<Expert> findById(long id) {
    return experts(" where e.id = ?", id).stream().findFirst();
  }

  Optional<Expert> findByUserId(String userId) {
    return experts(" where e.user_id = ?", userId).stream().findFirst();
  }

  /** The id of every expert, by account. */
  Map<String, Long> idsByUserId() {
    Map<String, Long> ids = new HashMap<>();
    jdbc.sql("select id, user_id from expert").query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
    return ids;
  }

  /** The experts a condition on {@code expert e} selects, with their specialties and conflicts, by id. */
  private List<Expert> experts(String where, Object... params) {
    List<Row> rows = jdbc.sql("select e.* from expert e" + where + " order by e.id").params(params)
        .query(Rows.of(Row.class)).list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Set<Specialty>> specialties = new HashMap<>();
    jdbc.sql("select s.expert_id, s.specialty from expert_specialty s join expert e on e.id = s.expert_id" + where)
        .params(params).query((rs, n) -> {
          specialties.computeIfAbsent(rs.getLong(1), id -> EnumSet.noneOf(Specialty.class))
              .add(Specialty.valueOf(rs.getString(2)));
          return null;
        }).list();
    Map<Long, List<Expert.Conflict>> conflicts = new HashMap<>();
    jdbc.sql("select c.expert_id, c.credit_code, c.reason from expert_conflict c join expert e on e.id = c.expert_id"
            + where + " order by c.id").params(params).query((rs, n) -> {
          conflicts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
              .add(new Expert.Conflict(rs.getString(2), rs.getString(3)));
          return null;
        }).list();
    return rows.stream().map(row -> new Expert(row.id(), row.userId(), row.name(),
        Set.copyOf(specialties.getOrDefault(row.id(), EnumSet.noneOf(Specialty.class))), row.employer(),
        row.employerCreditCode(), row.region(), row.phone(), row.active(),
        List.copyOf(conflicts.getOrDefault(row.id(), List.of())), row.email())).toList();
  }

  long insert(Expert data, OffsetDateTime at) {
    return insertAll(List.of(data), at).get(data.userId());
  }

  void update(long id, Expert data, OffsetDateTime at) {
    updateAll(Map.of(id, data), at);
  }

  /** New experts, in batches; their ids by account. */
  Map<String, Long> insertAll(List<Expert> experts, OffsetDateTime at) {
    batches.batchUpdate("""
            insert into expert (user_id, name, employer, employer_credit_code, region, phone, active,
              created_at, updated_at, email)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", experts, BATCH, (statement, data) -> {
          statement.setString(1, data.userId());
          statement.setString(2, data.name());
          statement.setString(3, data.employer());
          statement.setString(4, data.employerCreditCode());
          statement.setString(5, data.region());
          statement.setString(6, data.phone());
          statement.setBoolean(7, data.active());
          statement.setObject(8, at);
          statement.setObject(9, at);
          statement.setString(10, data.email());
        });
    Map<String, Long> all = idsByUserId();
    Map<String, Long> ids = new HashMap<>();
    experts.forEach(data -> ids.put(data.userId(), all.get(data.userId())));
    writeDetails(ids, experts, at);
    return ids;
  }

  /** Changed experts by id, in batches: their fields, and their specialties and conflicts anew. */
  void updateAll(Map<Long, Expert> experts, OffsetDateTime at) {
    List<Map.Entry<Long, Expert>> changes = List.copyOf(experts.entrySet());
    batches.batchUpdate("""
            update expert set name = ?, employer = ?, employer_credit_code = ?, region = ?, phone = ?,
              active = ?, updated_at = ?, email = ?
            where id = ?""", changes, BATCH, (statement, change) -> {
          Expert data = change.getValue();
          statement.setString(1, data.name());
          statement.setString(2, data.employer());
          statement.setString(3, data.employerCreditCode());
          statement.setString(4, data.region());
          statement.setString(5, data.phone());
          statement.setBoolean(6, data.active());
          statement.setObject(7, at);
          statement.setString(8, data.email());
          statement.setLong(9, change.getKey());
        });
    List<Long> ids = List.copyOf(experts.keySet());
    batches.batchUpdate("delete from expert_specialty where expert_id = ?", ids, BATCH,
        (statement, id) -> statement.setLong(1, id));
    batches.batchUpdate("delete from expert_conflict where expert_id = ?", ids, BATCH,
        (statement, id) -> statement.setLong(1, id));
    Map<String, Long> byUserId = new HashMap<>();
    experts.forEach((id, data) -> byUserId.put(data.userId(), id));
    writeDetails(byUserId, List.copyOf(experts.values()), at);
  }

  private record Detail(long expertId, Expert.Conflict conflict, Specialty specialty) {}

  private void writeDetails(Map<String, Long> ids, List<Expert> experts, OffsetDateTime at) {
    List<Detail> specialties = new ArrayList<>();
    List<Detail> conflicts = new ArrayList<>();
    for (Expert data : experts) {
      long id = ids.get(data.userId());
      data.specialties().forEach(specialty -> specialties.add(new Detail(id, null, specialty)));
      data.conflicts().forEach(conflict -> conflicts.add(new Detail(id, conflict, null)));
    }
    batches.batchUpdate("insert into expert_specialty (expert_id, specialty) values (?, ?)", specialties, BATCH,
        (statement, detail) -> {
          statement.setLong(1, detail.expertId());
          statement.setString(2, detail.specialty().name());
        });
    batches.batchUpdate("insert into expert_conflict (expert_id, credit_code, reason, declared_at) values (?, ?, ?, ?)",
        conflicts, BATCH, (statement, detail) -> {
          statement.setLong(1, detail.expertId());
          statement.setString(2, detail.conflict().creditCode());
          statement.setString(3, detail.conflict().reason());
          statement.setObject(4, at);
        });
  }
}
