package io.github.xuke.application;

/**
 * An application that cannot be received as submitted: names the field and says why, in Chinese.
 * Nothing is stored when it is thrown.
 */
public class InvalidApplicationException extends RuntimeException {

  private final String field;

  public InvalidApplicationException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
