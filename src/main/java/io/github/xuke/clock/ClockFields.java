package io.github.xuke.clock;

/**
 * The names the clocks gives the fields of the input it refuses ({@code InvalidApplicationException#field()});
 * the edge that took the input from a form maps each to the form's own field ({@code FormFields}).
 */
public final class ClockFields {

  public static final String CASE_NUMBER = "caseNumber";
  public static final String DAYS = "days";
  public static final String DECISION = "decision";
  public static final String KIND = "kind";
  public static final String REASON = "reason";

  private ClockFields() {}
}
