package io.github.xuke.inspection.internal;

import io.github.xuke.core.Rows;
import io.github.xuke.inspection.Inspection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code inspection}, {@code inspection_participant}, {@code inspection_check}, {@code inspection_evidence}. */
@Repository
public class InspectionRepository {

  private final JdbcClient jdbc;

  public InspectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(long id, long applicationId, String caseNumber, String enterpriseName, OffsetDateTime startsAt,
      OffsetDateTime endsAt, boolean afterHours, String afterHoursReason, String state, String scheduledBy,
      String result, String findings, String recordedBy, OffsetDateTime recordedAt, String rectificationResult,
      String rectificationNote) {}

  private static final String SELECT = """
      select i.*, a.case_number, a.enterprise_name from inspection i
      join licence_application a on a.id = i.application_id""";

  public long insert(long applicationId, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean afterHours,
      String afterHoursReason, String by, OffsetDateTime at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into inspection (application_id, starts_at, ends_at, after_hours, after_hours_reason, state,
              scheduled_by, scheduled_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(applicationId, startsAt, endsAt, afterHours, afterHoursReason, Inspection.State.SCHEDULED.name(), by, at)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void insertParticipant(long inspectionId, String userId, String name, Inspection.Role role) {
    jdbc.sql("insert into inspection_participant (inspection_id, user_id, name, role) values (?, ?, ?, ?)")
        .params(inspectionId, userId, name, role.name()).update();
  }

  public void confirm(long inspectionId, Inspection.Participant participant, OffsetDateTime at) {
    jdbc.sql("""
            update inspection_participant set pledge_read = ?, card_handed = ?, no_fee = ?, meal = ?, meal_note = ?,
              no_ride = ?, confirmed_at = ?
            where inspection_id = ? and user_id = ?""")
        .params(participant.pledgeRead(), participant.cardHanded(), participant.noFee(), participant.meal(),
            participant.mealNote(), participant.noRide(), at, inspectionId, participant.userId())
        .update();
  }

  public void insertCheck(long inspectionId, Inspection.Check check) {
    jdbc.sql("insert into inspection_check (inspection_id, item_code, item, result, note) values (?, ?, ?, ?, ?)")
        .params(inspectionId, check.itemCode(), check.item(), check.result(), check.note()).update();
  }

  public void record(long inspectionId, String result, String findings, String by, OffsetDateTime at) {
    jdbc.sql("""
            update inspection set state = ?, result = ?, findings = ?, recorded_by = ?, recorded_at = ?
            where id = ?""")
        .params(Inspection.State.RECORDED.name(), result, findings, by, at, inspectionId).update();
  }

  public void recheck(long inspectionId, String result, String note, String by, OffsetDateTime at) {
    jdbc.sql("""
            update inspection set rectification_result = ?, rectification_note = ?, rechecked_by = ?, rechecked_at = ?
            where id = ?""")
        .params(result, note, by, at, inspectionId).update();
  }

  public void insertEvidence(long inspectionId, long documentId, OffsetDateTime capturedAt, String device,
      String by, OffsetDateTime at) {
    jdbc.sql("""
            insert into inspection_evidence (inspection_id, document_id, captured_at, device, uploaded_by, uploaded_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(inspectionId, documentId, capturedAt, device, by, at).update();
  }

  public Optional<Inspection> find(long id) {
    return jdbc.sql(SELECT + " where i.id = ?").param(id).query(Rows.of(Row.class)).optional().map(this::full);
  }

  /** The latest inspection of a case. */
  public Optional<Inspection> latestOf(long applicationId) {
    return jdbc.sql(SELECT + " where i.application_id = ? order by i.id desc").param(applicationId)
        .query(Rows.of(Row.class)).list().stream().findFirst().map(this::full);
  }

  /** Inspections starting in [from, to), by start. */
  public List<Inspection> between(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql(SELECT + " where i.starts_at >= ? and i.starts_at < ? order by i.starts_at, i.id")
        .params(from, to).query(Rows.of(Row.class)).list().stream().map(this::full).toList();
  }

  /** Scheduled inspections of other cases that overlap [from, to) and have this person. */
  public List<Inspection> overlapping(String userId, OffsetDateTime from, OffsetDateTime to, long exceptApplication) {
    return jdbc.sql(SELECT + """
             join inspection_participant p on p.inspection_id = i.id
            where p.user_id = ? and i.state = ? and i.starts_at < ? and i.ends_at > ? and i.application_id <> ?
            order by i.starts_at""")
        .params(userId, Inspection.State.SCHEDULED.name(), to, from, exceptApplication)
        .query(Rows.of(Row.class)).list().stream().map(this::full).toList();
  }

  private Inspection full(Row row) {
    List<Inspection.Participant> participants = jdbc.sql("""
            select user_id, name, role, pledge_read, card_handed, no_fee, meal, meal_note, no_ride, confirmed_at
            from inspection_participant where inspection_id = ? order by id""")
        .param(row.id()).query(Rows.of(Inspection.Participant.class)).list();
    List<Inspection.Check> checks = jdbc.sql("""
            select item_code, item, result, note from inspection_check where inspection_id = ? order by item_code""")
        .param(row.id()).query(Rows.of(Inspection.Check.class)).list();
    List<Inspection.Evidence> evidence = jdbc.sql("""
            select e.id, e.document_id, d.original_name, d.content_type, d.sha256, e.captured_at, e.device, e.uploaded_by
            from inspection_evidence e join case_document d on d.id = e.document_id
            where e.inspection_id = ? order by e.id""")
        .param(row.id()).query(Rows.of(Inspection.Evidence.class)).list();
    return new Inspection(row.id(), row.applicationId(), row.caseNumber(), row.enterpriseName(), row.startsAt(),
        row.endsAt(), row.afterHours(), row.afterHoursReason(), Inspection.State.valueOf(row.state()),
        row.scheduledBy(), row.result(), row.findings(), row.recordedBy(), row.recordedAt(), row.rectificationResult(),
        row.rectificationNote(), participants, checks, evidence);
  }
}
