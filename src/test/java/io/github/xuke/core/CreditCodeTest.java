package io.github.xuke.core;

import io.github.xuke.core.CreditCode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 check characters. */
class CreditCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y43", "91350100m000100y43", " 91350100M000100Y43 "})
  void acceptsValidCodes(String code) {
    assertThat(CreditCode.problem(code)).isEmpty();
  }

  @Test
  void computesTheCheckCharacterOfThePublishedExample() {
    assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "91350100M000100Y44 | 校验位不正确",
      "91350100M000100Y4 | 应为 18 位",
      "91350100M000100Y433 | 应为 18 位",
      "91350100M0001O0Y43 | 不是合法字符",
      "9135A100M000100Y43 | 行政区划码",
      "'' | 不能为空"})
  void explainsWhatIsWrong(String code, String message) {
    assertThat(CreditCode.problem(code)).get().asString().contains(message);
  }

  @Test
  void everyCheckCharacterRoundTrips() {
    for (int i = 0; i < 500; i++) {
      String first17 = "91310000" + "%09d".formatted(i * 7919);
      String code = first17 + CreditCode.checkCharacter(first17);
      assertThat(CreditCode.isValid(code)).as(code).isTrue();
      char wrong = CreditCode.ALPHABET.charAt((CreditCode.ALPHABET.indexOf(code.charAt(17)) + 1) % 31);
      assertThat(CreditCode.isValid(first17 + wrong)).as(first17 + wrong).isFalse();
    }
  }
}
