package io.msetl.cli;

import io.msetl.tables.lock.TablesLease;
import io.msetl.tables.lock.TablesLock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;

/**
 * What a command may use besides its options: where to print, the project's home folder (for {@code
 * conf/} and {@code data/sample}), whether the user asked for verbose output, the configuration
 * file (for its {@code spark.*} settings and for nightly's steps), and the tables lock an enclosing
 * command already holds.
 *
 * @param heldTables the tables folder whose lock the enclosing command (nightly) holds, or null
 */
public record CliContext(
    PrintStream out,
    PrintStream err,
    Path home,
    boolean verbose,
    Config config,
    String heldTables) {

  public CliContext(PrintStream out, PrintStream err, Path home, boolean verbose) {
    this(out, err, home, verbose, Config.empty(), null);
  }

  /** Prints a progress line to stderr, so stdout stays clean for results. */
  public void progress(String message) {
    err.println("msetl: " + message);
  }

  /** The configuration file's {@code spark.*} settings, for {@code SparkSessions.start}. */
  public Map<String, String> sparkSettings() {
    return config.sparkSettings();
  }

  /** The same context, for steps run while this process holds the lock on {@code tables}. */
  public CliContext holdingLockOn(String tables) {
    return new CliContext(out, err, home, verbose, config, qualified(tables));
  }

  /**
   * Takes the writer lock on a tables folder (or shares the one the enclosing command holds on it),
   * waiting up to {@code waitSeconds} for another run to release it.
   *
   * @throws io.msetl.tables.lock.TablesLockedException when another run still holds it
   */
  public TablesLease lockTables(String tables, long waitSeconds) {
    if (waitSeconds < 0) {
      throw io.msetl.errors.MsetlErrors.invalidUsage(
          "--wait must be 0 or more seconds, got " + waitSeconds);
    }
    if (heldTables != null && heldTables.equals(qualified(tables))) {
      return TablesLease.shared();
    }
    return TablesLock.acquire(
        tables,
        new Configuration(),
        UUID.randomUUID().toString(),
        Duration.ofSeconds(waitSeconds),
        this::progress);
  }

  private static String qualified(String tables) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(tables);
    try {
      return p.getFileSystem(new Configuration()).makeQualified(p).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
