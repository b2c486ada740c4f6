package io.msetl.cli;

/** A problem with what the user typed or pointed at: printed as one line, exit code 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
