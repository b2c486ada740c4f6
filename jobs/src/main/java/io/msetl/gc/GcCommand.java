package io.msetl.gc;

import io.delta.tables.DeltaTable;
import io.msetl.cli.CliContext;
import io.msetl.cli.Command;
import io.msetl.cli.OptionSpec;
import io.msetl.cli.ParsedOptions;
import io.msetl.errors.MsetlErrors;
import io.msetl.export.HadoopConf;
import io.msetl.spark.SparkSessions;
import io.msetl.tables.TableFormat;
import io.msetl.tables.Tables;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@code msetl gc}: retention. Removes published exports except {@code latest} and the N newest,
 * then VACUUMs the Delta tables with a retention that keeps every file the kept exports' pinned
 * table versions read, so each kept export still verifies and time-travels.
 */
public final class GcCommand implements Command {

  @Override
  public String name() {
    return "gc";
  }

  @Override
  public String summary() {
    return "remove old exports (keep latest + N newest) and VACUUM table files no kept export needs";
  }

  @Override
  public OptionSpec options() {
    return new OptionSpec()
        .option("tables", "DIR", "out/tables", "tables folder or URI")
        .option("table-format", "FORMAT", "delta", "delta or parquet (parquet: exports only)")
        .option("exports", "DIR", "out/exports", "exports folder or URI")
        .option("keep-exports", "N", "5", "exports kept besides latest: the N newest")
        .option(
            "retain-hours",
            "HOURS",
            "168",
            "keep table files removed less than this long ago; the versions kept exports pin are"
                + " always kept")
        .option(
            "clock-skew",
            "SECONDS",
            "300",
            "extra retention for clock differences between writers and the file system")
        .flag("dry-run", "print what would be removed, remove nothing")
        .option("wait", "SECONDS", "0", "wait this long for another run's tables lock (0 = fail)")
        .option("master", "MASTER", "local[2]", "Spark master when not run by spark-submit");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./msetl gc --dry-run",
        "./msetl gc --keep-exports 3 --retain-hours 24",
        "./msetl nightly --keep-exports 7   # build, export, verify, then gc");
  }

  @Override
  public int run(ParsedOptions o, CliContext ctx) throws Exception {
    int keep = o.intValue("keep-exports");
    double retainHours = o.doubleValue("retain-hours");
    long skew = o.longValue("clock-skew");
    if (keep < 0 || retainHours < 0 || skew < 0) {
      throw MsetlErrors.invalidUsage(
          "--keep-exports, --retain-hours and --clock-skew must be >= 0");
    }
    TableFormat format;
    try {
      format = TableFormat.parse(o.require("table-format"));
    } catch (IllegalArgumentException e) {
      throw MsetlErrors.invalidValue(e);
    }
    boolean dryRun = o.flag("dry-run");
    PrintStream out = ctx.out();
    String verb = dryRun ? "would remove" : "removed";
    try (var lock = ctx.lockTables(o.require("tables"), o.longValue("wait"))) {
      Configuration conf = new Configuration();
      HadoopConf hadoop = new HadoopConf(conf);
      Path exportsDir = new Path(o.require("exports"));
      FileSystem efs = hadoop.fileSystem(exportsDir);
      ExportRetention.Plan plan = ExportRetention.plan(efs, efs.makeQualified(exportsDir), keep);
      long exportBytes = 0;
      for (ExportRetention.Export e : plan.kept()) {
        boolean latest = plan.latest().map(e.id()::equals).orElse(false);
        out.println("keep export " + e.id() + (latest ? " (latest)" : ""));
      }
      for (ExportRetention.Export e : plan.removed()) {
        long bytes = efs.getContentSummary(e.dir()).getLength();
        if (!dryRun && !efs.delete(e.dir(), true)) {
          throw new java.io.IOException("cannot delete export " + e.dir());
        }
        exportBytes += bytes;
        out.printf(Locale.ROOT, "%s export %s (%,d bytes)%n", verb, e.id(), bytes);
      }

      Path tablesDir = new Path(o.require("tables"));
      FileSystem tfs = hadoop.fileSystem(tablesDir);
      Path tablesRoot = tfs.makeQualified(tablesDir);
      long tableFiles = 0;
      long tableBytes = 0;
      if (format == TableFormat.DELTA && tfs.exists(tablesRoot)) {
        SparkSession spark =
            SparkSessions.start("msetl gc", o.require("master"), ctx.sparkSettings());
        Map<String, Long> pins = oldestPins(plan, tablesRoot.toString());
        TableVacuum vacuum = new TableVacuum(spark, tfs);
        for (Tables t : Tables.values()) {
          Path dir = new Path(tablesRoot, t.tableName());
          if (!DeltaTable.isDeltaTable(spark, dir.toString())) {
            continue;
          }
          Long pin = pins.get(t.tableName());
          OptionalLong oldest = pin == null ? OptionalLong.empty() : OptionalLong.of(pin);
          TableVacuum.Result r;
          try {
            r = vacuum.vacuum(dir, t, oldest, retainHours, Duration.ofSeconds(skew), dryRun);
          } catch (IllegalStateException e) {
            ctx.progress("gc: table " + t.tableName() + " not vacuumed: " + e.getMessage());
            continue;
          }
          tableFiles += r.filesRemoved();
          tableBytes += r.bytesRemoved();
          out.println(
              dryRun
                  ? String.format(
                      Locale.ROOT,
                      "table %s: would VACUUM with retention %.2f h",
                      t.tableName(),
                      r.retentionHours())
                  : TableVacuum.describe(r));
        }
      } else if (format == TableFormat.PARQUET) {
        out.println("tables are Parquet: no table versions to vacuum");
      }
      out.printf(
          Locale.ROOT,
          "gc: %s %d exports (%,d bytes) and %d table files (%,d bytes); kept %d exports%n",
          verb,
          plan.removed().size(),
          exportBytes,
          tableFiles,
          tableBytes,
          plan.kept().size());
    }
    return 0;
  }

  /** Per table, the oldest version any kept export of these tables reads. */
  static Map<String, Long> oldestPins(ExportRetention.Plan plan, String tablesRoot) {
    Map<String, Long> oldest = new TreeMap<>();
    for (ExportRetention.Export e : plan.kept()) {
      if (!tablesRoot.equals(e.manifest().tablesRoot())
          || !"delta".equalsIgnoreCase(e.manifest().tableFormat())) {
        continue; // an export of other tables: they pin nothing here
      }
      e.manifest().tableVersions().forEach((table, v) -> oldest.merge(table, v, Math::min));
    }
    return oldest;
  }
}
