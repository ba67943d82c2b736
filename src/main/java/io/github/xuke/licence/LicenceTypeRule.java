package io.github.xuke.licence;

import io.github.xuke.core.LimitUnit;

/**
 * The limits and licence format of one licence type, from the {@code LicenceTypeRules} decision.
 *
 * @param validityYears years a licence of this type is valid, or null when it does not expire
 */
public record LicenceTypeRule(
    String code,
    String name,
    int statutoryLimitValue,
    LimitUnit statutoryLimitUnit,
    int committedLimitWorkingDays,
    Integer validityYears,
    String licenceNumberPrefix) {}
