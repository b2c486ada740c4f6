package io.msetl.cli;

/** Turns an exception chain into the one line a user needs to read. */
final class Errors {
  private Errors() {}

  static String oneLine(Throwable e) {
    // Spark wraps task failures several levels deep; the innermost message names the cause.
    Throwable best = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        best = t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String msg = best.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = best.getClass().getSimpleName();
    }
    int nl = msg.indexOf('\n');
    return nl > 0 ? msg.substring(0, nl).trim() : msg.trim();
  }
}
