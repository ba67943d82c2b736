package io.github.xuke.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (no I, O, S, V, Z), the last one a check character over the first 17.
 */
public final class CreditCode {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {}

  /**
   * Why {@code code} is not a valid credit code, in Chinese, or empty when it is. Lower-case letters
   * are accepted; callers store {@link #normalize(String)}.
   */
  public static Optional<String> problem(String code) {
    if (code == null || code.isBlank()) {
      return Optional.of("统一社会信用代码不能为空");
    }
    String normalized = normalize(code);
    if (normalized.length() != 18) {
      return Optional.of("统一社会信用代码应为 18 位，实际为 " + normalized.length() + " 位");
    }
    for (int i = 0; i < 18; i++) {
      char c = normalized.charAt(i);
      if (ALPHABET.indexOf(c) < 0) {
        return Optional.of("统一社会信用代码第 " + (i + 1) + " 位“" + c + "”不是合法字符（不使用 I、O、S、V、Z）");
      }
      if (i >= 2 && i < 8 && !Character.isDigit(c)) {
        return Optional.of("统一社会信用代码第 3 至 8 位应为登记管理机关行政区划码（数字）");
      }
    }
    char expected = checkCharacter(normalized.substring(0, 17));
    if (normalized.charAt(17) != expected) {
      return Optional.of("统一社会信用代码校验位不正确，请核对后重新填写");
    }
    return Optional.empty();
  }

  public static boolean isValid(String code) {
    return problem(code).isEmpty();
  }

  public static String normalize(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }

  /** The check character of the first 17 characters of a code. */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("need 17 characters, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return ALPHABET.charAt(check == 31 ? 0 : check);
  }
}
