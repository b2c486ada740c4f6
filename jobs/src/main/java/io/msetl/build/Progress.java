package io.msetl.build;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines for long work, on stderr so stdout carries only the summary. */
public final class Progress {
  private final PrintStream err;

  public Progress(PrintStream err) {
    this.err = err;
  }

  void stageStarted(String stage) {
    err.println("msetl: " + stage + " ...");
  }

  void stageFinished(String stage, double seconds) {
    err.println(String.format(Locale.ROOT, "msetl: %s done in %.1f s", stage, seconds));
  }

  PrintStream stream() {
    return err;
  }

  void note(String message) {
    err.println("msetl: " + message);
  }
}
