package io.github.xuke.notice;

import java.time.OffsetDateTime;

/**
 * A written notice of the case: the one-time notice, a correction notice, a decision. A decision
 * re-issued with the bureau's digital signature (when the deputy director signs online) is a notice of
 * its own with the same number, {@code issueVersion} 2 and {@code reissueOf} the first issue, which
 * stays as it was.
 */
public record CaseNotice(long id, long applicationId, NoticeKind kind, String noticeNumber,
    OffsetDateTime issuedAt, String issuedBy, String content, Long reissueOf, OffsetDateTime signedAt,
    String signedBy, int issueVersion) {

  /** A notice as first issued, unsigned. */
  public CaseNotice(long id, long applicationId, NoticeKind kind, String noticeNumber, OffsetDateTime issuedAt,
      String issuedBy, String content) {
    this(id, applicationId, kind, noticeNumber, issuedAt, issuedBy, content, null, null, null, 1);
  }

  /** Whether this issue carries the bureau's digital signature. */
  public boolean signed() {
    return signedAt != null;
  }

  /** The notice's title (its first line), as lists show it; a signed re-issue says so. */
  public String title() {
    String title = content.lines().findFirst().orElse(kind.name());
    return signed() ? title + "（电子签章版）" : title;
  }

  /** The kinds of notice the window issues. */
  public enum NoticeKind {
    /** 补正材料通知书. */
    CORRECTION("补正"),
    /** 一次性告知书: every tolerated item, listed once. */
    ONE_TIME("告知"),
    /** 容缺受理承诺书: the applicant's pledge to supply the tolerated items in time. */
    TOLERANCE_PLEDGE("承诺"),
    /** 补交材料提醒: before the supply deadline, the items still missing. */
    SUPPLY_REMINDER("催补"),
    /** 受理通知书. */
    ACCEPTANCE("受"),
    /** 不予受理决定书. */
    NON_ACCEPTANCE("不受"),
    /** 准予许可决定书. */
    APPROVAL("准"),
    /** 不予许可决定书. */
    REFUSAL("不准"),
    /** 退办通知书. */
    WITHDRAWAL("退"),
    /** 现场核查整改通知书: what the inspection found and how to send the evidence of rectification. */
    RECTIFICATION("改");

    private final String abbreviation;

    NoticeKind(String abbreviation) {
      this.abbreviation = abbreviation;
    }

    /** The part of the notice number that names the kind: 许{abbreviation}字. */
    public String abbreviation() {
      return abbreviation;
    }
  }
}
