package io.msetl.errors;

/**
 * Another run holds the writer lock of the tables folder; retrying later (or waiting) is the fix,
 * so schedulers need to tell it apart from a failed run.
 */
public final class TablesLockedException extends MsetlException {
  private static final long serialVersionUID = 1L;

  TablesLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
