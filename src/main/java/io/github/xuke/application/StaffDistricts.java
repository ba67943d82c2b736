package io.github.xuke.application;

import io.github.xuke.core.Rows;
import io.github.xuke.system.CaseReaders;
import io.github.xuke.system.StaffGroup;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which district (区县) each district bureau's staff member works for, as the admin keeps it; a
 * district bureau reads the notices and licences of the enterprises of its own district only.
 */
@Component
public class StaffDistricts implements CaseReaders {

  /** A staff member and the district they work for. */
  public record StaffDistrict(String userId, String district) {}

  private final JdbcClient jdbc;

  StaffDistricts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<StaffDistrict> all() {
    return jdbc.sql("select user_id as user_id, district as district from staff_district order by user_id")
        .query(Rows.of(StaffDistrict.class)).list();
  }

  public Optional<String> districtOf(String userId) {
    return jdbc.sql("select district from staff_district where user_id = ?").param(userId)
        .query(String.class).optional();
  }

  /** Sets (or moves) the staff member's district. */
  public void assign(String userId, String district) {
    if (jdbc.sql("update staff_district set district = ? where user_id = ?").params(district, userId).update() == 0) {
      jdbc.sql("insert into staff_district (user_id, district) values (?, ?)").params(userId, district).update();
    }
  }

  @Override
  public boolean mayRead(String userId, Collection<String> groupIds, long applicationId) {
    return false;
  }

  @Override
  public boolean mayReadIssued(String userId, Collection<String> groupIds, long applicationId) {
    return groupIds.contains(StaffGroup.DISTRICT_BUREAU.id()) && jdbc.sql("""
        select count(*) from licence_application l
          join enterprise e on e.id = l.enterprise_id
          join staff_district s on s.district = e.district
         where l.id = ? and s.user_id = ?
        """).params(applicationId, userId).query(Long.class).single() > 0;
  }
}
