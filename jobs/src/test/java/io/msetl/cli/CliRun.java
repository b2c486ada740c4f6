package io.msetl.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process and captures what it printed. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Msetl.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Error output without Spark's own log lines (timestamped "HH:mm:ss LEVEL ..."). */
  public String errLines() {
    return err.lines()
        .filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d .*") && !l.startsWith("msetl: "))
        .reduce("", (a, b) -> a + b + "\n");
  }
}
