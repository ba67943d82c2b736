package io.github.xuke.licence;

/**
 * A particular that a licence type's regulation requires on its certificate and that the case does not
 * already know from the enterprise's name and credit code: the intake asks for it when the type's rule
 * ({@code certificateParticulars} of {@code LicenceTypeRules}) lists it.
 */
public enum CertificateParticular {
  /** 注册地址. */
  REGISTERED_ADDRESS("注册地址"),
  /** 主要负责人 (法定代表人 or the person in charge). */
  PRINCIPAL("主要负责人"),
  /** 经营方式: e.g. 批发（带储存）, 零售. */
  BUSINESS_MODE("经营方式"),
  /** 许可范围: the substances or activities licensed. */
  SCOPE("许可范围");

  private final String label;

  CertificateParticular(String label) {
    this.label = label;
  }

  /** The particular's name as the certificate and the intake form print it. */
  public String label() {
    return label;
  }
}
