package io.msetl.verify;

import io.msetl.cli.CliContext;
import io.msetl.cli.Command;
import io.msetl.cli.OptionSpec;
import io.msetl.cli.ParsedOptions;
import io.msetl.export.HadoopConf;
import io.msetl.spark.SparkSessions;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * {@code msetl verify <export>}: checksums, shard integrity, and a sample of rows against the
 * tables.
 */
public final class VerifyCommand implements Command {

  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String summary() {
    return "check an export: manifest checksums, every shard, sampled rows vs the tables";
  }

  @Override
  public OptionSpec options() {
    return new OptionSpec()
        .positional("EXPORT", false, "an export folder, or an exports folder (its latest export)")
        .option("samples", "N", "16", "rows per shard compared with the tables")
        .option("tables", "DIR", null, "tables folder [default: the one in the manifest]")
        .flag("files-only", "check files and shards without reading the tables (no Spark)")
        .option("master", "URL", "local[2]", "Spark master when not run by spark-submit");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "msetl verify out/exports", "msetl verify out/exports/v3-0123456789ab --files-only");
  }

  @Override
  public int run(ParsedOptions p, CliContext context) throws Exception {
    String target = p.positional("EXPORT") == null ? "out/exports" : p.positional("EXPORT");
    SparkSession spark =
        p.flag("files-only")
            ? null
            : SparkSessions.start("msetl verify", p.require("master"), context.sparkSettings());
    HadoopConf hadoop =
        new HadoopConf(
            spark == null ? new Configuration() : spark.sparkContext().hadoopConfiguration());
    Verifier.Report r =
        new Verifier(spark, hadoop, context.verbose() ? context::progress : m -> {})
            .verify(target, p.get("tables"), p.intValue("samples"));
    r.problems().forEach(x -> context.out().println("FAIL " + x));
    context
        .out()
        .printf(
            "%s %s: %d files checked, %d samples compared with the tables, %d problems%n",
            r.ok() ? "OK" : "FAILED",
            r.exportDir(),
            r.filesChecked(),
            r.samplesCompared(),
            r.problems().size());
    return r.ok() ? 0 : 1;
  }
}
