package io.github.xuke.application;

/** The result of checking the materials handed in against the licence type's list. */
public enum MaterialOutcome {
  /** Every required material is there: accept. */
  COMPLETE,
  /** Only non-key materials are missing: accept with tolerance (容缺受理) and a one-time notice. */
  TOLERATED,
  /** A key material is missing: correction (补正) before acceptance. */
  KEY_MISSING
}
