package io.github.xuke.application;

/** The state of one required material of an application. */
public enum MaterialStatus {
  /** Handed in with the application or a correction, and found in order. */
  SUBMITTED("已提交"),
  /** A key material that is missing: the application cannot be accepted without it. */
  MISSING("缺失（关键材料）"),
  /** A non-key material that is missing and tolerated (容缺): to be supplied while the case goes on. */
  TOLERATED("容缺待补"),
  /**
   * Handed in but not in order (不合格), with the reason: a key one blocks acceptance like a missing
   * one; a non-key one is tolerated and supplied again.
   */
  DEFECTIVE("不合格"),
  /** A tolerated item has arrived (online, by courier, on site…) and waits for the clerk's re-check. */
  AWAITING_CHECK("已补交待核验"),
  /** A tolerated item supplied later and accepted on re-check. */
  SUPPLIED("已补交"),
  /** Not needed in this case under the rules (依规免交), with the reason; never a key material. */
  WAIVED("依规免交");

  private final String displayName;

  MaterialStatus(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** Whether the item still has to reach the bureau (or be accepted on re-check). */
  public boolean outstanding() {
    return this == MISSING || this == TOLERATED || this == DEFECTIVE || this == AWAITING_CHECK;
  }
}
