package io.msetl.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a command may use besides its options: where to print, the project's home folder (for {@code
 * conf/} and {@code data/sample}), and whether the user asked for verbose output.
 */
public record CliContext(PrintStream out, PrintStream err, Path home, boolean verbose) {

  /** Prints a progress line to stderr, so stdout stays clean for results. */
  public void progress(String message) {
    err.println("msetl: " + message);
  }
}
