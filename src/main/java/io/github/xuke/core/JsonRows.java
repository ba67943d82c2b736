package io.github.xuke.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The rows of a form's dynamic list as a JSON process variable, and back: each row a record whose
 * components are the list's field keys (the wiring test checks that). Fields the form adds are
 * ignored; a list that is not a list of such rows is refused with the variable named.
 */
public final class JsonRows {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private JsonRows() {}

  public static SpinJsonNode toJson(List<? extends Record> rows) {
    try {
      return Spin.JSON(MAPPER.writeValueAsString(rows));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rows cannot be written as JSON", e);
    }
  }

  /** The rows of {@code json}, or none when the variable is not set. */
  public static <T extends Record> List<T> fromJson(SpinJsonNode json, Class<T[]> type, String variable) {
    if (json == null) {
      return List.of();
    }
    try {
      return List.of(MAPPER.readValue(json.toString(), type));
    } catch (JsonProcessingException e) {
      throw new InvalidApplicationException(variable, "表格内容格式不正确：" + e.getOriginalMessage());
    }
  }
}
