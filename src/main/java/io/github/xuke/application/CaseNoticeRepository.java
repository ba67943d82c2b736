package io.github.xuke.application;

import java.time.OffsetDateTime;
import java.util.List;
import io.github.xuke.system.XukeProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code case_notice}: the notices of a case, numbered per kind and year. */
@Repository
public class CaseNoticeRepository {

  private final JdbcClient jdbc;
  private final NumberSequences sequences;
  private final XukeProperties properties;

  public CaseNoticeRepository(JdbcClient jdbc, NumberSequences sequences, XukeProperties properties) {
    this.jdbc = jdbc;
    this.sequences = sequences;
    this.properties = properties;
  }

  /** Stores a notice under the next number of its kind and year (in the bureau's time zone). */
  public void insert(long applicationId, CaseNotice.NoticeKind kind, OffsetDateTime at, String by,
      String content) {
    int year = at.atZoneSameInstant(properties.timeZone()).getYear();
    String number = "%s许%s字〔%d〕%06d号".formatted(properties.licence().issuerAbbreviation(),
        kind.abbreviation(), year, sequences.next("notice:" + kind.name(), year));
    jdbc.sql("""
            insert into case_notice (application_id, kind, notice_number, issued_at, issued_by, content)
            values (?, ?, ?, ?, ?, ?)""")
        .params(applicationId, kind.name(), number, at, by, content)
        .update();
  }

  public java.util.Optional<CaseNotice> findById(long id) {
    return jdbc.sql("select * from case_notice where id = ?").param(id).query(CaseNotice.class).optional();
  }

  public List<CaseNotice> findByApplication(long applicationId) {
    return jdbc.sql("select * from case_notice where application_id = ? order by id")
        .param(applicationId).query(CaseNotice.class).list();
  }
}
