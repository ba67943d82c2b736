package io.github.xuke.core;

import io.github.xuke.core.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The checks every free-text field of a request goes through before it is stored: stripped, and refused
 * — never cut — when it is longer than the column that keeps it ({@code db/migration}); lists refused
 * when they hold a null or too many elements. A refusal is a 400 that names the field, in Chinese, and
 * nothing is stored. The caller names the limit beside the column it protects.
 */
public final class TextFields {

  private static final int PREVIEW = 50;

  private TextFields() {}

  /** A text that must be given, at most {@code max} characters once stripped. */
  public static String required(String value, String field, String label, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field, "请填写" + label);
    }
    return optional(value, field, label, max);
  }

  /** A text that may be left out (null when blank), at most {@code max} characters once stripped. */
  public static String optional(String value, String field, String label, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw invalid(field, label + "不能超过 " + max + " 个字（现为 " + stripped.length() + " 个字）");
    }
    return stripped;
  }

  /** A list that may be left out (empty then), with no null element and at most {@code max} elements. */
  public static <T> List<T> list(List<T> values, String field, String label, int max) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > max) {
      throw invalid(field, label + "最多 " + max + " 项（现为 " + values.size() + " 项）");
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw invalid(field, label + "第 " + (i + 1) + " 项为空");
      }
    }
    return List.copyOf(values);
  }

  /** A value quoted back in a message: at most 50 characters, so that a refusal never echoes a whole body. */
  public static String preview(String value) {
    if (value == null) {
      return "";
    }
    return value.length() <= PREVIEW ? value : value.substring(0, PREVIEW) + "…";
  }

  private static ApiException invalid(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field, message);
  }
}
