package io.msetl.errors;

/**
 * An error msetl expects and explains: the message is one line a user can act on. The subtype says
 * what kind of failure it is; only the CLI turns that into an exit code. Built by {@link
 * MsetlErrors}, never directly, so every message text lives in one place.
 */
public abstract class MsetlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MsetlException(String message, Throwable cause) {
    super(message, cause);
  }
}
