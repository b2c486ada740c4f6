package io.msetl.export;

import io.msetl.cli.CliContext;
import io.msetl.cli.Command;
import io.msetl.cli.OptionSpec;
import io.msetl.cli.ParsedOptions;
import io.msetl.errors.MsetlErrors;
import io.msetl.spark.SparkSessions;
import io.msetl.tables.TableFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code msetl export}: pinned tables to per-split shards plus manifest.json, published atomically.
 */
public final class ExportCommand implements Command {

  @Override
  public String name() {
    return "export";
  }

  @Override
  public String summary() {
    return "write per-split SQLite shards + manifest.json from a pinned table version";
  }

  @Override
  public OptionSpec options() {
    return new OptionSpec()
        .option("tables", "DIR", "out/tables", "tables folder or URI")
        .option("table-format", "FORMAT", "delta", "delta or parquet")
        .option(
            "table-version",
            "N",
            "latest",
            "latest (the snapshot the last successful build recorded), N (every table), or"
                + " compounds=N,spectra=M,...")
        .option("out", "DIR", "out/exports", "exports folder or Hadoop URI (file://, hdfs://, ...)")
        .option("shard-rows", "N", "", "samples per shard (overrides --shard-bytes)")
        .option("shard-bytes", "SIZE", "256m", "target shard size, e.g. 64m, 1g")
        .option("shard-format", "FORMAT", "sqlite", "shard format: sqlite, lightdb or both")
        .renamed("format", "shard-format")
        .option("splits", "LIST", "train,val,test", "splits to export")
        .option("master", "URL", "local[2]", "Spark master when not run by spark-submit");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "msetl export",
        "msetl export --table-version 3 --shard-rows 20000 --out file:///data/exports");
  }

  @Override
  public int run(ParsedOptions p, CliContext context) throws Exception {
    ExportOptions o = parse(p);
    Exporter.Result r =
        new Exporter(
                SparkSessions.start("msetl export", p.require("master"), context.sparkSettings()),
                context::progress)
            .run(o);
    context.out().println(r.exportDir());
    return 0;
  }

  static ExportOptions parse(ParsedOptions p) {
    TableFormat format;
    try {
      format = TableFormat.parse(p.require("table-format"));
    } catch (IllegalArgumentException e) {
      throw MsetlErrors.invalidValue(e);
    }
    String rowsText = p.get("shard-rows");
    long rows = rowsText == null || rowsText.isBlank() ? 0 : p.longValue("shard-rows");
    long bytes = parseSize(p.require("shard-bytes"));
    if (rows < 0 || (rows == 0 && bytes <= 0)) {
      throw MsetlErrors.shardSizeNotPositive();
    }
    List<String> splits =
        Arrays.stream(p.require("splits").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    if (splits.isEmpty()) {
      throw MsetlErrors.noSplit("splits");
    }
    ShardFormats.parse(p.require("shard-format"));
    return new ExportOptions(
        p.require("tables"),
        format,
        p.require("table-version"),
        p.require("out"),
        rows,
        bytes,
        List.of(p.require("shard-format")),
        splits);
  }

  /** {@code 123}, {@code 64k}, {@code 256m}, {@code 1g} (binary multiples). */
  static long parseSize(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (t.endsWith("b")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
      unit =
          switch (t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            default -> 1L << 30;
          };
      t = t.substring(0, t.length() - 1);
    }
    try {
      return Long.parseLong(t.trim()) * unit;
    } catch (NumberFormatException e) {
      throw MsetlErrors.badSize("shard-bytes", text);
    }
  }
}
