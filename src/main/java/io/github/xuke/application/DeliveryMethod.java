package io.github.xuke.application;

/** How the licence reaches the enterprise; both are free of charge. */
public enum DeliveryMethod {
  /** 免费邮寄, with a tracking number. */
  COURIER,
  /** 窗口自取. */
  PICKUP
}
