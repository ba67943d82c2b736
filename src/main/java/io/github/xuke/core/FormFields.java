package io.github.xuke.core;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The edge between a form and a domain service: the service refuses input naming its own field
 * ({@code reason}, {@code days}); the delegate or controller that took the input from a form runs the
 * service here, with the form's name for each domain field, so the refusal names the form's field
 * ({@code supplyDecisionReason}). Domain services never name process variables.
 */
public final class FormFields {

  private FormFields() {}

  /** Runs {@code work}; a refusal of a field in {@code fields} is re-thrown naming the form's field. */
  public static <T> T mapped(Map<String, ProcessVariable<?>> fields, Supplier<T> work) {
    try {
      return work.get();
    } catch (InvalidApplicationException refused) {
      ProcessVariable<?> formField = refused.field() == null ? null : fields.get(refused.field());
      throw formField == null ? refused : refused.atField(formField.name());
    }
  }

  /** Runs {@code work}; a refusal of a field in {@code fields} is re-thrown naming the form's field. */
  public static void mapped(Map<String, ProcessVariable<?>> fields, Runnable work) {
    mapped(fields, () -> {
      work.run();
      return null;
    });
  }
}
