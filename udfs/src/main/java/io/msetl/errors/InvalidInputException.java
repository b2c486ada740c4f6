package io.msetl.errors;

/** What the user typed or pointed at cannot be used; nothing was done. */
public final class InvalidInputException extends MsetlException {
  private static final long serialVersionUID = 1L;

  InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
