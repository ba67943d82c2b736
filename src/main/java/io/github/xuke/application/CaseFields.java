package io.github.xuke.application;

/**
 * The names the case module gives the fields of the input it refuses ({@code InvalidApplicationException#field()});
 * the edge that took the input from a form maps each to the form's own field ({@code FormFields}).
 */
public final class CaseFields {

  public static final String DECISION = "decision";
  public static final String REASON = "reason";
  public static final String REVIEWS = "reviews";
  public static final String TOLERANCE_PLEDGED = "tolerancePledged";
  public static final String TRACKING_NUMBER = "trackingNumber";
  /** The certificate's particulars taken at intake (the intake form's and the API's field names). */
  public static final String REGISTERED_ADDRESS = "registeredAddress";
  public static final String PRINCIPAL_NAME = "principalName";
  public static final String BUSINESS_MODE = "businessMode";
  public static final String LICENCE_SCOPE = "licenceScope";

  private CaseFields() {}
}
