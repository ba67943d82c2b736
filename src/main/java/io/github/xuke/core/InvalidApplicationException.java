package io.github.xuke.core;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that cannot be taken as submitted: names the field and says why, in Chinese. A domain service
 * names its own field ({@code reason}); the edge that took the input names it as its form does
 * ({@link FormFields}). Nothing is
 * stored when it is thrown. As a {@link BadUserRequestException} it reaches Tasklist (through the
 * engine REST API) as a 400 with this message, and rolls back the form submission.
 */
public class InvalidApplicationException extends BadUserRequestException {

  private final String field;

  public InvalidApplicationException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The same refusal, naming the field as the form at the edge calls it. */
  public InvalidApplicationException atField(String formField) {
    InvalidApplicationException mapped = new InvalidApplicationException(formField, getMessage());
    mapped.setStackTrace(getStackTrace());
    return mapped;
  }
}
