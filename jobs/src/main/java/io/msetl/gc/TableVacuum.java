package io.msetl.gc;

import io.delta.tables.DeltaTable;
import io.msetl.tables.Tables;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Delta VACUUM of one table with a retention that keeps every file a kept export still reads.
 *
 * <p>VACUUM deletes a data file once it was removed from the table (by a later commit) longer ago
 * than the retention. The files of version {@code v} are removed only by commits after {@code v},
 * so every file of {@code v} and later versions survives when the retention reaches back to the
 * commit time of {@code v}: retention = now - commit time of the oldest pinned version, plus a
 * margin for the clock difference between the writer that stamped the removal and the file system
 * that stamped the commit. A table no export pins gets the configured retention alone.
 */
final class TableVacuum {
  static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";

  /**
   * Delta 4.1 ignores {@code RETAIN n HOURS} (any n but 0) while this is true, its default, and
   * uses the table's {@code delta.deletedFileRetentionDuration} instead: the computed retention
   * would silently not apply.
   */
  static final String RETENTION_WINDOW_IGNORE =
      "spark.databricks.delta.vacuum.retentionWindowIgnore.enabled";

  /** Delta's own safety floor (its default deletedFileRetentionDuration, 7 days). */
  static final double DELTA_DEFAULT_HOURS = 168;

  private final SparkSession spark;
  private final FileSystem fs;

  TableVacuum(SparkSession spark, FileSystem fs) {
    this.spark = spark;
    this.fs = fs;
  }

  /** What one VACUUM did (or, in a dry run, would keep from). */
  record Result(
      String table,
      OptionalLong oldestPinned,
      double retentionHours,
      long filesRemoved,
      long bytesRemoved) {}

  Result vacuum(
      Path tableDir,
      Tables table,
      OptionalLong oldestPinned,
      double minimumHours,
      Duration clockSkew,
      boolean dryRun)
      throws IOException {
    DeltaTable delta = DeltaTable.forPath(spark, tableDir.toString());
    OptionalLong committed =
        oldestPinned.isPresent()
            ? OptionalLong.of(commitMillis(delta, oldestPinned.getAsLong()))
            : OptionalLong.empty();
    DataFiles before = DataFiles.of(fs, tableDir);
    double hours = retentionHours(System.currentTimeMillis(), committed, minimumHours, clockSkew);
    if (dryRun) {
      return new Result(table.tableName(), oldestPinned, hours, 0, 0);
    }
    String previousCheck = spark.conf().get(RETENTION_CHECK, "true");
    String previousIgnore = spark.conf().get(RETENTION_WINDOW_IGNORE, "true");
    try {
      if (hours < DELTA_DEFAULT_HOURS) {
        // Delta refuses a retention under 7 days because a concurrent writer may still be about to
        // commit files it wrote earlier. msetl writers hold the tables lock (gc does too), and the
        // retention above covers every kept export, so the check is off for this call only.
        spark.conf().set(RETENTION_CHECK, "false");
      }
      spark.conf().set(RETENTION_WINDOW_IGNORE, "false");
      delta.vacuum(hours);
    } finally {
      spark.conf().set(RETENTION_CHECK, previousCheck);
      spark.conf().set(RETENTION_WINDOW_IGNORE, previousIgnore);
    }
    DataFiles after = DataFiles.of(fs, tableDir);
    return new Result(
        table.tableName(),
        oldestPinned,
        hours,
        before.count() - after.count(),
        before.bytes() - after.bytes());
  }

  /** Data files of a table: everything but its log and hidden files (VACUUM commits to the log). */
  record DataFiles(long count, long bytes) {
    static DataFiles of(FileSystem fs, Path dir) throws IOException {
      long n = 0;
      long b = 0;
      var it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        var st = it.next();
        String rel = st.getPath().toUri().getPath().substring(dir.toUri().getPath().length());
        boolean hidden =
            rel.contains("/_delta_log/")
                || rel.startsWith("_delta_log/")
                || st.getPath().getName().startsWith(".")
                || st.getPath().getName().startsWith("_");
        if (!hidden) {
          n++;
          b += st.getLen();
        }
      }
      return new DataFiles(n, b);
    }
  }

  /**
   * Whole hours, rounded up: Delta rounds VACUUM's retention to the nearest hour ({@code
   * math.round}), so 2.4 h would become 2 h and delete files of the pinned version. One more hour
   * covers the time between {@code now} here and Delta's own clock reading a moment later.
   */
  static double retentionHours(
      long now, OptionalLong pinnedCommitMillis, double minimumHours, Duration clockSkew) {
    double hours = minimumHours;
    if (pinnedCommitMillis.isPresent()) {
      double pinned = (now - pinnedCommitMillis.getAsLong() + clockSkew.toMillis()) / 3_600_000.0;
      hours = Math.max(hours, Math.ceil(pinned) + 1);
    }
    return Math.ceil(hours);
  }

  /** The commit timestamp Delta gives version {@code v} (what time travel by timestamp uses). */
  private static long commitMillis(DeltaTable delta, long v) {
    List<Row> rows = delta.history().where("version = " + v).select("timestamp").collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalStateException(
          "version " + v + " is no longer in the table's history (its log was cleaned up)");
    }
    return rows.get(0).getTimestamp(0).getTime();
  }

  static String describe(Result r) {
    return String.format(
        Locale.ROOT,
        "table %s: removed %d files, %,d bytes (retention %.2f h%s)",
        r.table(),
        r.filesRemoved(),
        r.bytesRemoved(),
        r.retentionHours(),
        r.oldestPinned().isPresent()
            ? ", keeps version " + r.oldestPinned().getAsLong() + " and later for kept exports"
            : ", no kept export pins it");
  }
}
