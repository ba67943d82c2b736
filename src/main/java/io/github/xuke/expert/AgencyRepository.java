package io.github.xuke.expert;

import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code technical_agency}, {@code agency_conflict} and {@code agency_assignment}. */
@Repository
public class AgencyRepository {

  private final JdbcClient jdbc;

  public AgencyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(long id, String name, String creditCode, String qualification, String contactName, String phone,
      boolean active) {}

  /** One agency assigned to a case. */
  public record AgencyAssignment(long id, long applicationId, long agencyId, long drawId, String enterpriseCreditCode,
      OffsetDateTime assignedAt) {}

  public List<TechnicalAgency> findAll() {
    Map<Long, List<Expert.Conflict>> conflicts = new HashMap<>();
    jdbc.sql("select agency_id, credit_code, reason from agency_conflict order by id").query((rs, n) -> {
      conflicts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new Expert.Conflict(rs.getString(2), rs.getString(3)));
      return null;
    }).list();
    return jdbc.sql("select * from technical_agency order by id").query(Rows.of(Row.class)).list().stream()
        .map(row -> new TechnicalAgency(row.id(), row.name(), row.creditCode(), row.qualification(), row.contactName(),
            row.phone(), row.active(), List.copyOf(conflicts.getOrDefault(row.id(), List.of()))))
        .toList();
  }

  public Optional<TechnicalAgency> findById(long id) {
    return findAll().stream().filter(agency -> agency.id() == id).findFirst();
  }

  public Optional<TechnicalAgency> findByCreditCode(String creditCode) {
    return findAll().stream().filter(agency -> agency.creditCode().equals(creditCode)).findFirst();
  }

  public long insert(TechnicalAgency agency, OffsetDateTime at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into technical_agency (name, credit_code, qualification, contact_name, phone, active, created_at,
              updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(agency.name(), agency.creditCode(), agency.qualification(), agency.contactName(), agency.phone(),
            agency.active(), at, at)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    writeConflicts(id, agency.conflicts());
    return id;
  }

  public void update(long id, TechnicalAgency agency, OffsetDateTime at) {
    jdbc.sql("""
            update technical_agency set name = ?, qualification = ?, contact_name = ?, phone = ?, active = ?,
              updated_at = ?
            where id = ?""")
        .params(agency.name(), agency.qualification(), agency.contactName(), agency.phone(), agency.active(), at, id)
        .update();
    jdbc.sql("delete from agency_conflict where agency_id = ?").param(id).update();
    writeConflicts(id, agency.conflicts());
  }

  private void writeConflicts(long id, List<Expert.Conflict> conflicts) {
    for (Expert.Conflict conflict : conflicts) {
      jdbc.sql("insert into agency_conflict (agency_id, credit_code, reason) values (?, ?, ?)")
          .params(id, conflict.creditCode(), conflict.reason()).update();
    }
  }

  public void assign(long applicationId, long agencyId, long drawId, String enterpriseCreditCode, OffsetDateTime at) {
    jdbc.sql("""
            insert into agency_assignment (application_id, agency_id, draw_id, enterprise_credit_code, assigned_at)
            values (?, ?, ?, ?, ?)""")
        .params(applicationId, agencyId, drawId, enterpriseCreditCode, at).update();
  }

  /** Of each agency assigned since the moment: its services, and those for this enterprise in another case. */
  public java.util.Map<Long, PanelDraw.Load> loadsSince(OffsetDateTime since, long applicationId, String enterprise) {
    java.util.Map<Long, PanelDraw.Load> loads = new java.util.HashMap<>();
    jdbc.sql("""
        select agency_id, count(*) as services,
               sum(case when enterprise_credit_code = ? and application_id <> ? then 1 else 0 end) as served
          from agency_assignment where assigned_at >= ? group by agency_id""")
        .params(enterprise, applicationId, since)
        .query((rs, row) -> loads.put(rs.getLong(1), new PanelDraw.Load(rs.getInt(2), rs.getInt(3)))).list();
    return loads;
  }

  public List<AgencyAssignment> assignments(long applicationId) {
    return jdbc.sql("select * from agency_assignment where application_id = ? order by id").param(applicationId)
        .query(Rows.of(AgencyAssignment.class)).list();
  }
}
