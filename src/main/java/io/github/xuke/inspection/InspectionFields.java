package io.github.xuke.inspection;

/**
 * The names the inspection module gives the fields of the input it refuses ({@code InvalidApplicationException#field()});
 * the edge that took the input from a form maps each to the form's own field ({@code FormFields}).
 */
public final class InspectionFields {

  public static final String AFTER_HOURS = "afterHours";
  public static final String CAPTURED_AT = "capturedAt";
  public static final String CHECKS = "checks";
  public static final String EXPERTS = "experts";
  public static final String FINDINGS = "findings";
  public static final String HOURS = "hours";
  public static final String INSPECTION = "inspection";
  public static final String INSPECTORS = "inspectors";
  public static final String NOTE = "note";
  public static final String PARTICIPANTS = "participants";
  public static final String RECTIFICATION_RESULT = "rectificationResult";
  public static final String RESULT = "result";
  public static final String START = "start";

  private InspectionFields() {}
}
