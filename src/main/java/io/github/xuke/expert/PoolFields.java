package io.github.xuke.expert;

import io.github.xuke.application.CreditCode;
import io.github.xuke.web.ApiException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** The field checks shared by the expert pool and the agencies: a refusal names the field, in Chinese. */
final class PoolFields {

  static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{7,30}");

  private PoolFields() {}

  static String text(String value, String field, String label, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field, "请填写" + label);
    }
    if (value.strip().length() > max) {
      throw invalid(field, label + "不能超过 " + max + " 个字");
    }
    return value.strip();
  }

  static String phone(String value) {
    String phone = text(value, "phone", "联系电话", 30);
    if (!PHONE.matcher(phone).matches()) {
      throw invalid("phone", "联系电话格式不正确");
    }
    return phone;
  }

  /** A unified social credit code, normalised; null when none is given. */
  static String optionalCreditCode(String value, String field, String label) {
    if (value == null || value.isBlank()) {
      return null;
    }
    CreditCode.problem(value.strip()).ifPresent(problem -> {
      throw invalid(field, label + "：" + problem);
    });
    return CreditCode.normalize(value.strip());
  }

  static String creditCode(String value, String field, String label) {
    String code = optionalCreditCode(value, field, label);
    if (code == null) {
      throw invalid(field, "请填写" + label);
    }
    return code;
  }

  static ApiException invalid(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field, message);
  }
}
