package io.github.xuke.notice;

import io.github.xuke.system.XukeProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
  private final NoticePdf pdf;
  private final DocumentSeal seal;
  private final XukeProperties properties;

  Notices(CaseNoticeRepository notices, NoticePdf pdf, DocumentSeal seal, XukeProperties properties) {
    this.notices = notices;
    this.pdf = pdf;
    this.seal = seal;
    this.properties = properties;
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

  /** The case's notices, oldest first (a signed re-issue after its first issue). */
  public List<CaseNotice> ofCase(long applicationId) {
    return notices.findByApplication(applicationId);
  }

  /** A notice as PDF: a signed re-issue exactly as it was signed, a first issue printed from its text. */
  public byte[] pdf(CaseNotice notice) {
    if (notice.signed()) {
      return notices.signedPdf(notice.id()).orElseThrow(() ->
          new IllegalStateException("the signed notice " + notice.id() + " has no PDF"));
    }
    return pdf.render(notice, properties.licence().issuerName());
  }

  /**
   * Re-issues a notice with the bureau's digital signature (先批后签: the deputy director signed online):
   * the same number and text plus {@code signatureNote}, signed as a whole; the first issue stays as it
   * was. Done once: a retried step gets the re-issue made before.
   */
  public CaseNotice reissueSigned(CaseNotice first, String signatureNote, Instant at, String by, String signer) {
    Optional<CaseNotice> done = ofCase(first.applicationId()).stream()
        .filter(notice -> first.id() == (notice.reissueOf() == null ? -1 : notice.reissueOf())).findFirst();
    if (done.isPresent()) {
      return done.get();
    }
    if (first.noticeNumber() == null) {
      throw new IllegalStateException("notice " + first.id() + " is not numbered yet");
    }
    OffsetDateTime signedAt = at.atOffset(ZoneOffset.UTC);
    String content = first.content() + "\n" + signatureNote;
    CaseNotice unsigned = new CaseNotice(0, first.applicationId(), first.kind(), first.noticeNumber(), first.issuedAt(),
        by, content, first.id(), signedAt, by, first.issueVersion() + 1);
    byte[] signed = seal.sign(pdf.render(unsigned, properties.licence().issuerName()), signer,
        "分管局长网签：" + first.title(), at);
    long id = notices.insertSigned(first, content, signedAt, by, signed);
    return notices.findById(id).orElseThrow();
  }
}
