package io.msetl.errors;

/** The input was accepted but the run could not produce a usable result. */
public final class RunFailedException extends MsetlException {
  private static final long serialVersionUID = 1L;

  RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
