package io.github.xuke.core;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that cannot be taken as submitted: names the field and says why, in Chinese. Nothing is
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
}
