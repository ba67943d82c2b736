package io.github.xuke.application;

import java.util.List;

/**
 * What the enterprise hands in at 收件: who it is, what licence it asks for, which materials it
 * brought (material codes of the licence requirements decision), and the firm that wrote its safety
 * evaluation (安全评价机构), if any, whose experts may not review the case, and the district (区县) the
 * enterprise is in, whose bureau follows its licences.
 */
public record ApplicationForm(
    String enterpriseName,
    String creditCode,
    String contactName,
    String contactPhone,
    String licenceType,
    List<String> materials,
    String evaluatorName,
    String evaluatorCreditCode,
    String district) {

  /** An application without a named safety evaluation firm. */
  public ApplicationForm(String enterpriseName, String creditCode, String contactName, String contactPhone,
      String licenceType, List<String> materials) {
    this(enterpriseName, creditCode, contactName, contactPhone, licenceType, materials, null, null);
  }

  /** An application without the enterprise's district (区县). */
  public ApplicationForm(String enterpriseName, String creditCode, String contactName, String contactPhone,
      String licenceType, List<String> materials, String evaluatorName, String evaluatorCreditCode) {
    this(enterpriseName, creditCode, contactName, contactPhone, licenceType, materials, evaluatorName,
        evaluatorCreditCode, null);
  }

  public ApplicationForm {
    materials = materials == null ? List.of()
        : materials.stream().map(code -> code == null ? "" : code).toList();
  }
}
