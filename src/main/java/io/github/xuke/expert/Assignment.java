package io.github.xuke.expert;

import java.time.OffsetDateTime;

/** An expert on a case's panel and where the invitation stands. */
public record Assignment(
    long id,
    long applicationId,
    long expertId,
    long drawId,
    String enterpriseCreditCode,
    Specialty forSpecialty,
    State state,
    OffsetDateTime invitedAt,
    OffsetDateTime answeredAt,
    String answerReason,
    OffsetDateTime remindedAt,
    String conclusion,
    String findings,
    OffsetDateTime reviewedAt) {

  public enum State {
    /** 已邀请: waiting for the expert to accept. */
    INVITED,
    /** 参加评审. */
    PARTICIPATING,
    /** 回避或谢绝, with the reason; replaced by a new draw. */
    DECLINED,
    /** 超时未答复; replaced by a new draw. */
    TIMED_OUT,
    /** 已提交预审意见. */
    REVIEWED
  }
}
