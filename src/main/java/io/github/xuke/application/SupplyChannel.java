package io.github.xuke.application;

/** The ways a tolerated item reaches the bureau (一次性告知书 lists them all). */
public enum SupplyChannel {
  /** 网上提交. */
  ONLINE,
  /** 窗口递交. */
  WINDOW,
  /** 邮寄（到付，费用由中心承担）: needs the tracking number. */
  COURIER,
  /** 现场核查时提交. */
  ON_SITE,
  /** 领证时提交. */
  AT_PICKUP
}
