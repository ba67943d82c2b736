package io.github.xuke.application;

/** The clerk's finding on one material when checking a case (材料审查): one row of the check form. */
public record MaterialReview(String materialCode, Result result, String reason) {

  public enum Result {
    /** 合格. */
    IN_ORDER,
    /** 不合格: needs the reason, which the applicant is told. */
    DEFECTIVE,
    /** 未提交. */
    MISSING,
    /** 依规免交: needs the rule that waives it; never for a key material. */
    WAIVED
  }
}
