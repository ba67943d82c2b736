package io.github.xuke.application;

import java.time.OffsetDateTime;

/** A written notice of the case: the one-time notice, a correction notice, a decision. */
public record CaseNotice(
    long id, long applicationId, NoticeKind kind, OffsetDateTime issuedAt, String issuedBy, String content) {

  /** The kinds of notice the window issues. */
  public enum NoticeKind {
    /** 补正材料通知书. */
    CORRECTION,
    /** 一次性告知书: every tolerated item, listed once. */
    ONE_TIME,
    /** 容缺受理承诺书: the applicant's pledge to supply the tolerated items in time. */
    TOLERANCE_PLEDGE,
    /** 受理通知书. */
    ACCEPTANCE,
    /** 不予受理决定书. */
    NON_ACCEPTANCE,
    /** 准予许可决定书. */
    APPROVAL,
    /** 不予许可决定书. */
    REFUSAL
  }
}
