package io.github.xuke.application;

/** Where a licence application stands, as the window and the enterprise see it. */
public enum ApplicationStatus {
  /** 已收件: received, materials being checked. */
  RECEIVED,
  /** 待补正: key materials missing, correction notice issued. */
  CORRECTION_REQUESTED,
  /** 不予受理. */
  NOT_ACCEPTED,
  /** 已受理: the clocks run. */
  ACCEPTED,
  /** 准予许可. */
  APPROVED,
  /** 不予许可. */
  REFUSED,
  /** 已发证. */
  LICENCE_ISSUED,
  /** 已办结: delivered. */
  COMPLETED,
  /** 已归档. */
  ARCHIVED,
  /** 已退办: withdrawn, e.g. tolerated items not supplied in time. */
  WITHDRAWN
}
