package io.github.xuke.application;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code case_notice}. */
@Repository
public class CaseNoticeRepository {

  private final JdbcClient jdbc;

  public CaseNoticeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(long applicationId, CaseNotice.NoticeKind kind, OffsetDateTime at, String by,
      String content) {
    jdbc.sql("""
            insert into case_notice (application_id, kind, issued_at, issued_by, content)
            values (?, ?, ?, ?, ?)""")
        .params(applicationId, kind.name(), at, by, content)
        .update();
  }

  public List<CaseNotice> findByApplication(long applicationId) {
    return jdbc.sql("select * from case_notice where application_id = ? order by id")
        .param(applicationId).query(CaseNotice.class).list();
  }
}
