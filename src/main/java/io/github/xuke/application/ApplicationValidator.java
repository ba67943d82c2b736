package io.github.xuke.application;

import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.core.CreditCode;
import io.github.xuke.licence.CertificateParticular;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.licence.LicenceTypeRule;
import io.github.xuke.licence.RequiredMaterial;
import io.github.xuke.core.TextFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks an application at 收件, field by field, and says in Chinese what is wrong with the first
 * bad field. The same check runs for the API and for Tasklist's start form.
 */
@Component
public class ApplicationValidator {

  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

  private final LicenceRequirements requirements;

  public ApplicationValidator(LicenceRequirements requirements) {
    this.requirements = requirements;
  }

  /** The application, trimmed and normalised, with the rule of its licence type. */
  public record Valid(ApplicationForm form, LicenceTypeRule licenceType) {}

  public Valid validate(ApplicationForm form) {
    String name = required("enterpriseName", "申请单位名称", form.enterpriseName(), 200);
    String creditCode = required("creditCode", "统一社会信用代码", form.creditCode(), 30);
    CreditCode.problem(creditCode).ifPresent(problem -> {
      throw new InvalidApplicationException("creditCode", problem);
    });
    String contactName = required("contactName", "联系人", form.contactName(), 50);
    String phone = required("contactPhone", "联系电话", form.contactPhone(), 30).replace(" ", "");
    if (!MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
      throw new InvalidApplicationException("contactPhone",
          "联系电话格式不正确：应为 11 位手机号码或带区号的固定电话（如 021-12345678）");
    }
    String licenceType = required("licenceType", "申请许可事项", form.licenceType(), 60);
    LicenceTypeRule rule = requirements.typeRule(licenceType).orElseThrow(() ->
        new InvalidApplicationException("licenceType", "不受理的许可事项“" + licenceType + "”；可申请的事项："
            + requirements.licenceTypes().stream()
                .map(type -> type.code() + "（" + type.name() + "）")
                .collect(Collectors.joining("、"))));
    Map<String, RequiredMaterial> catalogue = requirements.materialCatalogue();
    List<String> materials = new ArrayList<>();
    for (String code : new LinkedHashSet<>(form.materials())) {
      String trimmed = code == null ? "" : code.strip();
      if (!catalogue.containsKey(trimmed)) {
        throw new InvalidApplicationException("materials", "未知的申请材料代码“" + TextFields.preview(trimmed) + "”");
      }
      materials.add(trimmed);
    }
    String evaluatorName = optional("evaluatorName", "安全评价机构名称", form.evaluatorName(), 200);
    String evaluatorCode = optional("evaluatorCreditCode", "安全评价机构统一社会信用代码", form.evaluatorCreditCode(), 30);
    if (evaluatorCode != null) {
      CreditCode.problem(evaluatorCode).ifPresent(problem -> {
        throw new InvalidApplicationException("evaluatorCreditCode", "安全评价机构：" + problem);
      });
      evaluatorCode = CreditCode.normalize(evaluatorCode);
    }
    String district = optional("district", "所在区县", form.district(), 50);
    String address = particular(rule, CertificateParticular.REGISTERED_ADDRESS, CaseFields.REGISTERED_ADDRESS,
        form.registeredAddress(), 200);
    String principal = particular(rule, CertificateParticular.PRINCIPAL, CaseFields.PRINCIPAL_NAME,
        form.principalName(), 50);
    String mode = particular(rule, CertificateParticular.BUSINESS_MODE, CaseFields.BUSINESS_MODE,
        form.businessMode(), 100);
    String scope = particular(rule, CertificateParticular.SCOPE, CaseFields.LICENCE_SCOPE, form.licenceScope(), 1000);
    return new Valid(new ApplicationForm(name, CreditCode.normalize(creditCode), contactName, phone,
        licenceType, materials, evaluatorName, evaluatorCode, district, address, principal, mode, scope), rule);
  }

  /**
   * A particular of the certificate: required when the licence type's rule names it on the certificate
   * (the message says for which licence), optional otherwise.
   */
  private static String particular(LicenceTypeRule rule, CertificateParticular particular, String field,
      String value, int maxLength) {
    if (rule.requires(particular) && (value == null || value.isBlank())) {
      throw new InvalidApplicationException(field,
          particular.label() + "不能为空：" + rule.name() + "须载明" + particular.label());
    }
    return optional(field, particular.label(), value, maxLength);
  }

  private static String optional(String field, String label, String value, int maxLength) {
    return value == null || value.isBlank() ? null : required(field, label, value, maxLength);
  }

  private static String required(String field, String label, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidApplicationException(field, label + "不能为空");
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw new InvalidApplicationException(field, label + "不能超过 " + maxLength + " 个字符");
    }
    return trimmed;
  }
}
