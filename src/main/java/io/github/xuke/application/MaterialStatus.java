package io.github.xuke.application;

/** The state of one required material of an application. */
public enum MaterialStatus {
  /** Handed in with the application or a correction. */
  SUBMITTED,
  /** A key material that is missing: the application cannot be accepted without it. */
  MISSING,
  /** A non-key material that is missing and tolerated (容缺): to be supplied while the case goes on. */
  TOLERATED,
  /** A tolerated material supplied later. */
  SUPPLIED
}
