package io.github.xuke.expert;

import io.github.xuke.core.CreditCode;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** The field checks shared by the expert pool and the agencies: a refusal names the field, in Chinese. */
final class PoolFields {

  static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{7,30}");

  private PoolFields() {}

  /** Specialties, conflicts: far more than anyone declares. */
  static final int MAX_LIST = 200;
  /** {@code expert_conflict.reason}, {@code agency_conflict.reason}. */
  static final int MAX_CONFLICT_REASON = 500;

  static String text(String value, String field, String label, int max) {
    return TextFields.required(value, field, label, max);
  }

  /** Declared conflicts (申报回避): each with a credit code; without a reason, {@code defaultReason}. */
  static List<Expert.Conflict> conflicts(List<ExpertRequest.ConflictRequest> requests, String defaultReason) {
    List<Expert.Conflict> conflicts = new ArrayList<>();
    for (ExpertRequest.ConflictRequest conflict : TextFields.list(requests, "conflicts", "回避企业", MAX_LIST)) {
      String reason = TextFields.optional(conflict.reason(), "conflicts", "回避理由", MAX_CONFLICT_REASON);
      conflicts.add(new Expert.Conflict(creditCode(conflict.creditCode(), "conflicts", "回避企业统一社会信用代码"),
          reason == null ? defaultReason : reason));
    }
    return conflicts;
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
