package io.github.xuke.notice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The face of the notices module: the written notices of a case (acceptance, correction, the one-time
 * notice of tolerated items, reminders, decisions), each numbered in its series when its step commits.
 */
@Service
public class Notices {

  private final CaseNoticeRepository notices;
  private final NoticeTexts texts = new NoticeTexts();

  Notices(CaseNoticeRepository notices) {
    this.notices = notices;
  }

  /**
   * Issues a notice worded by its kind's template ({@link NoticeTexts}) with the case's values; stored
   * now, numbered in its kind's series of the year when the step commits.
   */
  public void issue(long applicationId, CaseNotice.NoticeKind kind, OffsetDateTime at, String by,
      Map<String, ?> values) {
    notices.insert(applicationId, kind, at, by, texts.render(kind, values));
  }

  public Optional<CaseNotice> find(long id) {
    return notices.findById(id);
  }

  /** The case's notices, oldest first. */
  public List<CaseNotice> ofCase(long applicationId) {
    return notices.findByApplication(applicationId);
  }
}
