package io.github.xuke.expert;

import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code expert_draw} and {@code expert_assignment}. */
@Repository
public class DrawRepository {

  private final JdbcClient jdbc;

  public DrawRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A recorded draw: its JSON record holds the inputs and the result. */
  public record DrawRow(long id, long applicationId, String purpose, long seed, OffsetDateTime drawnAt,
      String drawnBy, String record) {}

  public long insertDraw(long applicationId, String purpose, long seed, OffsetDateTime at, String by, String record) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into expert_draw (application_id, purpose, seed, drawn_at, drawn_by, record)
            values (?, ?, ?, ?, ?, ?)""")
        .params(applicationId, purpose, seed, at, by, record).update(keys, "id");
    return keys.getKey().longValue();
  }

  public List<DrawRow> draws(long applicationId) {
    return jdbc.sql("select * from expert_draw where application_id = ? order by id")
        .param(applicationId).query(Rows.of(DrawRow.class)).list();
  }

  public Optional<DrawRow> draw(long id) {
    return jdbc.sql("select * from expert_draw where id = ?").param(id).query(Rows.of(DrawRow.class)).optional();
  }

  public void insertAssignment(long applicationId, long expertId, long drawId, String enterpriseCreditCode,
      Specialty forSpecialty, OffsetDateTime at) {
    jdbc.sql("""
            insert into expert_assignment (application_id, expert_id, draw_id, enterprise_credit_code,
              for_specialty, state, invited_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(applicationId, expertId, drawId, enterpriseCreditCode,
            forSpecialty == null ? null : forSpecialty.name(), Assignment.State.INVITED.name(), at)
        .update();
  }

  /**
   * Whether the expert (by user id) is on the case's panel — invited, taking part or reviewed, not
   * declined or timed out — while the case is not yet decided.
   */
  public boolean isAssignedWhileOpen(String userId, long applicationId) {
    return jdbc.sql("""
        select count(*) from expert_assignment a
          join expert e on e.id = a.expert_id
          join licence_application l on l.id = a.application_id
         where a.application_id = ? and e.user_id = ? and a.state in (?, ?, ?) and l.decided_at is null
        """).params(applicationId, userId, Assignment.State.INVITED.name(), Assignment.State.PARTICIPATING.name(),
            Assignment.State.REVIEWED.name())
        .query(Long.class).single() > 0;
  }

  /** An expert's own submitted opinion, with the case it was for. */
  public record Opinion(String caseNumber, String licenceType, String conclusion, String findings,
      OffsetDateTime reviewedAt) {}

  /** The expert's submitted opinions, newest first, one page. */
  public List<Opinion> opinionsOf(String userId, int page, int size) {
    return jdbc.sql("""
        select l.case_number as case_number, l.licence_type as licence_type, a.conclusion as conclusion,
               a.findings as findings, a.reviewed_at as reviewed_at
          from expert_assignment a
          join expert e on e.id = a.expert_id
          join licence_application l on l.id = a.application_id
         where e.user_id = ? and a.state = ?
         order by a.reviewed_at desc, a.id desc
         offset ? rows fetch next ? rows only
        """).params(userId, Assignment.State.REVIEWED.name(), (long) page * size, size)
        .query(Rows.of(Opinion.class)).list();
  }

  public List<Assignment> assignments(long applicationId) {
    return jdbc.sql("select * from expert_assignment where application_id = ? order by id")
        .param(applicationId).query(Rows.of(Assignment.class)).list();
  }

  /**
   * Of each expert invited since the moment: the panels taken (every assignment not declined or timed
   * out) and how many of them, for another case, were of this enterprise and taken part in — counted in
   * the database (indexes on {@code invited_at} and on the enterprise), not read row by row.
   */
  public java.util.Map<Long, PanelDraw.Load> loadsSince(OffsetDateTime since, long applicationId, String enterprise) {
    java.util.Map<Long, PanelDraw.Load> loads = new java.util.HashMap<>();
    jdbc.sql("""
        select expert_id, count(*) as panels from expert_assignment
         where invited_at >= ? and state not in (?, ?)
         group by expert_id""")
        .params(since, Assignment.State.DECLINED.name(), Assignment.State.TIMED_OUT.name())
        .query((rs, row) -> loads.put(rs.getLong(1), new PanelDraw.Load(rs.getInt(2), 0))).list();
    jdbc.sql("""
        select expert_id, count(*) as served from expert_assignment
         where enterprise_credit_code = ? and invited_at >= ? and application_id <> ? and state in (?, ?)
         group by expert_id""")
        .params(enterprise, since, applicationId, Assignment.State.PARTICIPATING.name(),
            Assignment.State.REVIEWED.name())
        .query((rs, row) -> loads.merge(rs.getLong(1), new PanelDraw.Load(0, rs.getInt(2)),
            (load, served) -> new PanelDraw.Load(load.panels(), served.servedEnterprise()))).list();
    return loads;
  }

  public void answer(long id, Assignment.State state, String reason, OffsetDateTime at) {
    jdbc.sql("update expert_assignment set state = ?, answer_reason = ?, answered_at = ? where id = ?")
        .params(state.name(), reason, at, id).update();
  }

  public void reminded(long id, OffsetDateTime at) {
    jdbc.sql("update expert_assignment set reminded_at = ? where id = ?").params(at, id).update();
  }

  public void reviewed(long id, String conclusion, String findings, OffsetDateTime at) {
    jdbc.sql("""
            update expert_assignment set state = ?, conclusion = ?, findings = ?, reviewed_at = ?
            where id = ?""")
        .params(Assignment.State.REVIEWED.name(), conclusion, findings, at, id).update();
  }
}
