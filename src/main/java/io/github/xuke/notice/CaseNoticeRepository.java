package io.github.xuke.notice;

import io.github.xuke.notice.CaseNotice;
import io.github.xuke.core.NumberSequences;
import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import io.github.xuke.system.XukeProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Table {@code case_notice}: the notices of a case, numbered per kind and year. */
@Repository
class CaseNoticeRepository {

  /** Every column but the signed PDF, which only a print reads. */
  private static final String COLUMNS = "id, application_id, kind, notice_number, issued_at, issued_by, content, "
      + "reissue_of, signed_at, signed_by, issue_version";

  private final JdbcClient jdbc;
  private final NumberSequences sequences;
  private final XukeProperties properties;

  CaseNoticeRepository(JdbcClient jdbc, NumberSequences sequences, XukeProperties properties) {
    this.jdbc = jdbc;
    this.sequences = sequences;
    this.properties = properties;
  }

  /**
   * Stores a notice; it gets the next number of its kind and year (in the bureau's time zone) when
   * its step commits, after the engine has checked the step: a step that is refused or loses a race
   * (the same task completed twice at once) takes no number.
   */
  void insert(long applicationId, CaseNotice.NoticeKind kind, OffsetDateTime at, String by,
      String content) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into case_notice (application_id, kind, issued_at, issued_by, content)
            values (?, ?, ?, ?, ?)""")
        .params(applicationId, kind.name(), at, by, content)
        .update(key, "id");
    long id = key.getKey().longValue();
    int year = at.atZoneSameInstant(properties.timeZone()).getYear();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          number(id, kind, year);
        }
      });
    } else {
      number(id, kind, year);
    }
  }

  private void number(long id, CaseNotice.NoticeKind kind, int year) {
    String number = "%s许%s字〔%d〕%06d号".formatted(properties.licence().issuerAbbreviation(),
        kind.abbreviation(), year, sequences.next("notice:" + kind.name(), year));
    jdbc.sql("update case_notice set notice_number = ? where id = ?").params(number, id).update();
  }

  /** A signed re-issue: the same number and kind, its own content and the signed PDF as it was signed. */
  long insertSigned(CaseNotice first, String content, OffsetDateTime at, String by, byte[] signedPdf) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into case_notice (application_id, kind, notice_number, issued_at, issued_by, content,
              reissue_of, signed_at, signed_by, signed_pdf, issue_version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(first.applicationId(), first.kind().name(), first.noticeNumber(), at, by, content, first.id(), at,
            by, signedPdf, first.issueVersion() + 1)
        .update(key, "id");
    return key.getKey().longValue();
  }

  java.util.Optional<byte[]> signedPdf(long id) {
    return jdbc.sql("select signed_pdf from case_notice where id = ? and signed_pdf is not null").param(id)
        .query((rs, n) -> rs.getBytes(1)).optional();
  }

  java.util.Optional<CaseNotice> findById(long id) {
    return jdbc.sql("select " + COLUMNS + " from case_notice where id = ?").param(id).query(Rows.of(CaseNotice.class)).optional();
  }

  List<CaseNotice> findByApplication(long applicationId) {
    return jdbc.sql("select " + COLUMNS + " from case_notice where application_id = ? order by id")
        .param(applicationId).query(Rows.of(CaseNotice.class)).list();
  }
}
