package io.github.xuke.licence;

import io.github.xuke.core.LimitUnit;

/**
 * The limits and licence format of one licence type, from the {@code LicenceTypeRules} decision.
 *
 * @param validityYears years a licence of this type is valid, or null when it does not expire
 * @param regulation the regulation (name and articles) the licence is granted under, cited with the
 *     articles of 行政许可法 in the case's notices
 * @param particulars what the certificate must name beyond holder and credit code, asked at intake
 */
public record LicenceTypeRule(
    String code,
    String name,
    int statutoryLimitValue,
    LimitUnit statutoryLimitUnit,
    int committedLimitWorkingDays,
    Integer validityYears,
    String licenceNumberPrefix,
    String regulation,
    java.util.Set<CertificateParticular> particulars) {

  public LicenceTypeRule {
    regulation = regulation == null ? "" : regulation;
    particulars = particulars == null ? java.util.Set.of() : java.util.Set.copyOf(particulars);
  }

  /** Whether a certificate of this type names this particular (and the intake must ask for it). */
  public boolean requires(CertificateParticular particular) {
    return particulars.contains(particular);
  }
}
