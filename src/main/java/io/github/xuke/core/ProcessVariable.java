package io.github.xuke.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A typed process variable: its name lives here once, and reading it converts what forms and REST
 * clients send (numbers of any width, lists as JSON arrays) into the Java type.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Long> longValue(String name) {
    return new ProcessVariable<>(name, Long.class);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Date> date(String name) {
    return new ProcessVariable<>(name, Date.class);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static ProcessVariable<List<String>> stringList(String name) {
    return new ProcessVariable<>(name, (Class) List.class);
  }

  public static ProcessVariable<SpinJsonNode> json(String name) {
    return new ProcessVariable<>(name, SpinJsonNode.class);
  }

  public String name() {
    return name;
  }

  /** The value, or null when the variable is not set. */
  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  /** The value in a map of variables (a REST answer, a form submission), or null. */
  public T from(Map<String, ?> variables) {
    return convert(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public VariableMap put(VariableMap variables, T value) {
    return variables.putValue(name, value);
  }

  @SuppressWarnings("unchecked")
  private T convert(Object value) {
    if (value == null) {
      return null;
    }
    if (type == Long.class && value instanceof Number number) {
      return (T) Long.valueOf(number.longValue());
    }
    if (type == Integer.class && value instanceof Number number) {
      return (T) Integer.valueOf(number.intValue());
    }
    if (type == Boolean.class && value instanceof String text) {
      return (T) Boolean.valueOf(text);
    }
    if (type == List.class) {
      return (T) strings(value);
    }
    return type.cast(value);
  }

  private List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof SpinJsonNode json) {
      if (!json.isArray()) {
        throw new IllegalArgumentException(name + " is not a list: " + json);
      }
      json.elements().forEach(element -> strings.add(element.stringValue()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> strings.add(String.valueOf(element)));
    } else if (value instanceof String text && !text.isBlank()) {
      for (String part : text.split(",")) {
        strings.add(part.strip());
      }
    } else if (!(value instanceof String)) {
      throw new IllegalArgumentException(name + " is not a list: " + value);
    }
    return strings;
  }
}
