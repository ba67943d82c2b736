package io.github.xuke.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge names a domain refusal's field as its form does; anything else passes unchanged. */
class FormFieldsTest {

  static final ProcessVariable<String> SUPPLY_DECISION_REASON = ProcessVariable.string("supplyDecisionReason");

  @Test
  void aRefusalOfAMappedFieldNamesTheFormsFieldWithTheSameMessage() {
    assertThatThrownBy(() -> FormFields.mapped(Map.of("reason", SUPPLY_DECISION_REASON), () -> {
      throw new InvalidApplicationException("reason", "请说明处理理由");
    })).isInstanceOfSatisfying(InvalidApplicationException.class, refused -> {
      assertThat(refused.field()).isEqualTo("supplyDecisionReason");
      assertThat(refused.getMessage()).isEqualTo("请说明处理理由");
    });
  }

  @Test
  void anUnmappedFieldAndOtherFailuresPassUnchanged() {
    InvalidApplicationException other = new InvalidApplicationException("days", "延长天数应在 1 到 60 之间");
    assertThatThrownBy(() -> FormFields.mapped(Map.of("reason", SUPPLY_DECISION_REASON), () -> {
      throw other;
    })).isSameAs(other);
    IllegalStateException fault = new IllegalStateException("a bug");
    assertThatThrownBy(() -> FormFields.mapped(Map.of(), () -> {
      throw fault;
    })).isSameAs(fault);
    assertThat(FormFields.mapped(Map.of(), () -> "done")).isEqualTo("done");
  }
}
