package io.github.xuke.application;

import java.util.List;

/**
 * What the enterprise hands in at 收件: who it is, what licence it asks for, which materials it
 * brought (material codes of the licence requirements decision), and the firm that wrote its safety
 * evaluation (安全评价机构), if any, whose experts may not review the case, the district (区县) the
 * enterprise is in, whose bureau follows its licences, and the particulars its certificate will name
 * (注册地址, 主要负责人, 经营方式, 许可范围: required where the licence type's rule lists them).
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
    String district,
    String registeredAddress,
    String principalName,
    String businessMode,
    String licenceScope) {

  /** An application without a named safety evaluation firm. */
  public ApplicationForm(String enterpriseName, String creditCode, String contactName, String contactPhone,
      String licenceType, List<String> materials) {
    this(enterpriseName, creditCode, contactName, contactPhone, licenceType, materials, null, null);
  }

  /** An application without the certificate's particulars (for types that name none). */
  public ApplicationForm(String enterpriseName, String creditCode, String contactName, String contactPhone,
      String licenceType, List<String> materials, String evaluatorName, String evaluatorCreditCode,
      String district) {
    this(enterpriseName, creditCode, contactName, contactPhone, licenceType, materials, evaluatorName,
        evaluatorCreditCode, district, null, null, null, null);
  }

  /** The same application with the certificate's particulars. */
  public ApplicationForm withParticulars(String registeredAddress, String principalName, String businessMode,
      String licenceScope) {
    return new ApplicationForm(enterpriseName, creditCode, contactName, contactPhone, licenceType, materials,
        evaluatorName, evaluatorCreditCode, district, registeredAddress, principalName, businessMode, licenceScope);
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
