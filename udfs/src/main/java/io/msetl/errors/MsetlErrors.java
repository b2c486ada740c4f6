package io.msetl.errors;

import java.util.List;

/**
 * The one place msetl's expected errors are built and worded (as Delta Kernel's {@code
 * DeltaErrors}): library code throws what these methods return, the CLI maps the type to an exit
 * code. Messages are one line and name the option, file or table the user has to change.
 */
public final class MsetlErrors {
  private MsetlErrors() {}

  // ---- invalid usage or input (the user can fix it; nothing was done) ----

  /** A command line or configuration value that cannot be used. */
  public static InvalidInputException invalidUsage(String message) {
    return new InvalidInputException(message, null);
  }

  /** A value rejected by a parser whose message already says what is wrong with it. */
  public static InvalidInputException invalidValue(IllegalArgumentException cause) {
    return new InvalidInputException(cause.getMessage(), cause);
  }

  public static InvalidInputException tableMissing(String table, String tablesRoot) {
    return new InvalidInputException(
        "table "
            + table
            + " does not exist under "
            + tablesRoot
            + " (run msetl build first, or point --tables at the tables folder)",
        null);
  }

  public static InvalidInputException tableVersionMissing(String table, long version, long latest) {
    return new InvalidInputException(
        "table " + table + " has no version " + version + " (latest is " + latest + ")", null);
  }

  public static InvalidInputException unknownTable(String option, String table) {
    return new InvalidInputException("--" + option + " names unknown table '" + table + "'", null);
  }

  public static InvalidInputException badTableVersions(String option, String spec) {
    return new InvalidInputException(
        "--" + option + " expects latest, N or table=N,..., got '" + spec + "'", null);
  }

  public static InvalidInputException unknownShardFormat(String name, List<String> known) {
    return new InvalidInputException(
        "unknown shard format '" + name + "' (use " + String.join(", ", known) + " or both)", null);
  }

  public static InvalidInputException noShardFormat(String option) {
    return new InvalidInputException("--" + option + " names no shard format", null);
  }

  public static InvalidInputException noSplit(String option) {
    return new InvalidInputException("--" + option + " names no split", null);
  }

  public static InvalidInputException shardSizeNotPositive() {
    return new InvalidInputException("shard size must be positive", null);
  }

  public static InvalidInputException badSize(String option, String text) {
    return new InvalidInputException(
        "--" + option + " expects a size like 256m, got '" + text + "'", null);
  }

  public static InvalidInputException outputNotAFolder(String out) {
    return new InvalidInputException("output " + out + " exists and is not a folder", null);
  }

  public static InvalidInputException outputNotWritable(String out, String reason) {
    return new InvalidInputException("cannot write to output folder " + out + ": " + reason, null);
  }

  public static InvalidInputException notAnExport(String target) {
    return new InvalidInputException(
        target + " is neither an export (no manifest.json) nor an exports folder (no latest)",
        null);
  }

  /** {@code export} found no successful build to take its snapshot from. */
  public static InvalidInputException noSuccessfulBuild(String tablesRoot) {
    return new InvalidInputException(
        "no successful build is recorded in the runs table under "
            + tablesRoot
            + " (run msetl build first, or pin versions with --table-version)",
        null);
  }

  public static InvalidInputException runWithoutTableVersion(String runId, String table) {
    return new InvalidInputException(
        "run " + runId + " recorded no version of table " + table, null);
  }

  // ---- another run holds the tables (try again later) ----

  /** {@code holder} describes the run holding the lock (run id, host, pid, since when). */
  public static TablesLockedException tablesLocked(String tables, String holder) {
    return new TablesLockedException(
        "tables folder " + tables + " is locked by another run (" + holder + ")", null);
  }

  // ---- a run that could not produce a usable result ----

  public static RunFailedException runFailed(String message, Throwable cause) {
    return new RunFailedException(message, cause);
  }

  /**
   * The input would delete more than the allowed share of the compounds; raised before the first
   * commit, so nothing was written.
   */
  public static RunFailedException massDeletion(
      long deleted, long previous, double share, double maxShare) {
    return new RunFailedException(
        String.format(
            java.util.Locale.ROOT,
            "this input would delete %,d of the %,d compounds (%.1f %%, more than the %.1f %%"
                + " allowed); nothing was written. Check --input (a wrong path, a half-copied"
                + " library, a MOL folder that no longer matches?), or pass --allow-deletes if"
                + " the deletions are intended",
            deleted,
            previous,
            100 * share,
            100 * maxShare),
        null);
  }
}
