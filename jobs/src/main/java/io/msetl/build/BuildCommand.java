package io.msetl.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.msetl.cli.Choices;
import io.msetl.cli.CliContext;
import io.msetl.cli.Command;
import io.msetl.cli.OptionSpec;
import io.msetl.cli.ParsedOptions;
import io.msetl.errors.MsetlErrors;
import io.msetl.featurize.EmbedFailurePolicy;
import io.msetl.featurize.FeaturizerConfig;
import io.msetl.featurize.FragmentPolicy;
import io.msetl.featurize.InchiKeyCheck;
import io.msetl.ingest.IngestOptions;
import io.msetl.msp.NumPeaksMismatch;
import io.msetl.spark.SparkSessions;
import io.msetl.spectrum.SpectrumConfig;
import io.msetl.split.SplitMethod;
import io.msetl.split.SplitRatios;
import io.msetl.tables.TableFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/** {@code msetl build}: a library in, the six tables out. */
public final class BuildCommand implements Command {

  @Override
  public String name() {
    return "build";
  }

  @Override
  public String summary() {
    return "parse, featurize and split a spectral library into the six tables";
  }

  @Override
  public OptionSpec options() {
    return new OptionSpec()
        .option(
            "input",
            "PATH",
            "data/sample",
            "MSP, MGF, SDF or MassBank record file, a NIST-layout folder (*.msp + MOL/ID{n}.MOL), a folder of MGF files or a MassBank tree; globs allowed")
        .option(
            "input-format", "FORMAT", "auto", "auto (from the content), msp, sdf, mgf or massbank")
        .option("out", "DIR", "out/tables", "folder (or Hadoop URI) the tables are written under")
        .option("table-format", "FORMAT", "delta", "table format: delta or parquet")
        .renamed("format", "table-format")
        .option(
            "master",
            "MASTER",
            "local[2]",
            "Spark master when run embedded (ignored under spark-submit)")
        .option("wait", "SECONDS", "0", "wait this long for another run's tables lock (0 = fail)")
        .option("partitions", "N", "0", "featurization partitions; 0 = automatic (many small ones)")
        .option(
            "mol-pattern",
            "PATTERN",
            "ID{id}.MOL",
            "MOL file name for a record id (matched case-insensitively)")
        .option(
            "num-peaks-mismatch",
            "POLICY",
            "warn",
            "a record whose Num Peaks disagrees with its peaks: warn or reject")
        .option(
            "split-method",
            "METHOD",
            "inchikey_block1",
            "group key of the split: inchikey_block1, scaffold or random_id")
        .option(
            "split-salt", "TEXT", "msetl", "salt of the split hash (change it to draw a new split)")
        .option("split-ratios", "T,V,T", "0.8,0.1,0.1", "train,val,test fractions")
        .option("bin-width", "DA", "1.0", "spectrum bin width in Da")
        .option("mz-min", "MZ", "1", "lowest m/z of the binned vector")
        .option("mz-max", "MZ", "1000", "highest m/z of the binned vector")
        .option(
            "intensity-transform",
            "T",
            "none",
            "intensity transform before normalizing: none, sqrt or log")
        .option("normalization", "N", "max", "spectrum normalization: max or l1")
        .option(
            "remove-precursor",
            "BOOL",
            "false",
            "drop the precursor peak and everything heavier (MS/MS)")
        .option(
            "fragment-policy",
            "POLICY",
            "largest-organic",
            "salts/solvents: largest-organic (keep the largest organic fragment) or keep-all")
        .option(
            "inchikey-check",
            "CHECK",
            "first-block",
            "computed vs declared InChIKey must agree on: first-block, full, or off")
        .option("max-heavy-atoms", "N", "200", "larger molecules are rejected TOO_LARGE")
        .option("explicit-h", "BOOL", "false", "graph nodes include hydrogens")
        .option("conformers", "BOOL", "true", "compute 3D conformers (ETKDGv3)")
        .option(
            "max-heavy-atoms-3d",
            "N",
            "100",
            "larger molecules get no conformer (SKIPPED_TOO_LARGE)")
        .option(
            "embed-attempts",
            "N",
            "50",
            "ETKDG attempts per embedding: the deterministic cost bound")
        .option(
            "optimize", "BOOL", "true", "MMFF94 (UFF when MMFF has no parameters) after embedding")
        .option(
            "fallback-2d",
            "BOOL",
            "false",
            "store 2D coordinates (FALLBACK_2D) when 3D embedding fails")
        .option(
            "embed-time-limit-ms",
            "MS",
            "60000",
            "wall-time safety net per embedding (0 = off); the only machine-dependent status, TIMEOUT")
        .option(
            "max-delete-share",
            "SHARE",
            "0.1",
            "stop before writing when the input would delete more than this share of the compounds")
        .flag("allow-deletes", "lift --max-delete-share: the deletions are intended")
        .option(
            "embed-failure",
            "POLICY",
            "keep",
            "molecules without a conformer: keep (status FAILED) or reject");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./msetl build                                  # the bundled sample into out/tables",
        "./msetl build --input lib/ --out /data/tables  # a NIST export: lib/library.msp + lib/MOL/",
        "./msetl build --input mona.msp --table-format parquet --split-method scaffold");
  }

  @Override
  public int run(ParsedOptions opts, CliContext ctx) {
    String input = resolveInput(opts.require("input"), ctx.home());
    String out = opts.require("out");
    BuildOptions build;
    try {
      build = buildOptions(opts, input, out);
    } catch (IllegalArgumentException e) {
      throw MsetlErrors.invalidValue(e);
    }
    // Before Spark starts: a bad output folder should cost a second, not a Spark start-up.
    OutputFolder.checkWritable(out, new org.apache.hadoop.conf.Configuration());
    // One writer at a time, decided before Spark starts (a second run fails in a second).
    try (var lock = ctx.lockTables(out, opts.longValue("wait"))) {
      Progress progress = new Progress(ctx.err());
      progress.note(
          "starting Spark ("
              + (SparkSessions.underSparkSubmit() ? "spark-submit" : opts.get("master"))
              + ")");
      SparkSession spark =
          SparkSessions.start("msetl build", opts.get("master"), ctx.sparkSettings());
      try {
        BuildReport report = BuildJob.run(spark, build, progress);
        report.print(ctx.out());
        ctx.out().println();
        ctx.out().println("report: " + ReportFile.write(spark, out, report));
        return 0;
      } finally {
        spark.stop();
      }
    }
  }

  static BuildOptions buildOptions(ParsedOptions opts, String input, String out) {
    IngestOptions ingest =
        IngestOptions.forInput(
                input, io.msetl.msp.LibraryFormat.parse(opts.require("input-format")))
            .withMolPattern(opts.require("mol-pattern"))
            .withNumPeaksMismatch(
                Choices.parse(
                    NumPeaksMismatch.class,
                    "num-peaks-mismatch",
                    opts.require("num-peaks-mismatch")));
    SpectrumConfig spectrum =
        SpectrumConfig.defaults()
            .withBinning(
                opts.doubleValue("bin-width"),
                opts.doubleValue("mz-min"),
                opts.doubleValue("mz-max"))
            .withTransform(
                Choices.parse(
                    SpectrumConfig.Transform.class,
                    "intensity-transform",
                    opts.require("intensity-transform")))
            .withNormalization(
                Choices.parse(
                    SpectrumConfig.Normalization.class,
                    "normalization",
                    opts.require("normalization")))
            .withPrecursorRemoval(
                Choices.bool("remove-precursor", opts.require("remove-precursor")),
                SpectrumConfig.defaults().precursorTolerance());
    FeaturizerConfig featurizer =
        FeaturizerConfig.defaults()
            .withFragmentPolicy(
                Choices.parse(
                    FragmentPolicy.class, "fragment-policy", opts.require("fragment-policy")))
            .withInchiKeyCheck(
                Choices.parse(
                    InchiKeyCheck.class, "inchikey-check", opts.require("inchikey-check")))
            .withMaxHeavyAtoms(opts.intValue("max-heavy-atoms"))
            .withExplicitHydrogens(Choices.bool("explicit-h", opts.require("explicit-h")))
            .withConformers(Choices.bool("conformers", opts.require("conformers")))
            .withMaxHeavyAtomsFor3D(opts.intValue("max-heavy-atoms-3d"))
            .withMaxEmbedAttempts(opts.intValue("embed-attempts"))
            .withOptimize(Choices.bool("optimize", opts.require("optimize")))
            .withFallbackTo2D(Choices.bool("fallback-2d", opts.require("fallback-2d")))
            .withEmbedTimeLimitMillis(opts.longValue("embed-time-limit-ms"))
            .withEmbedFailurePolicy(
                Choices.parse(
                    EmbedFailurePolicy.class, "embed-failure", opts.require("embed-failure")));
    return new BuildOptions(
        input,
        out,
        TableFormat.parse(opts.require("table-format")),
        ingest,
        featurizer,
        spectrum,
        SplitMethod.parse(opts.require("split-method")),
        opts.require("split-salt"),
        SplitRatios.parse(opts.require("split-ratios")),
        opts.intValue("partitions"),
        configJson(opts.asMap(), input),
        maxDeleteShare(opts),
        opts.flag("allow-deletes"));
  }

  /**
   * A relative input that is not found from the working directory is looked up in the msetl home.
   */
  static String resolveInput(String input, Path home) {
    if (input.contains("://") || Path.of(input).isAbsolute() || Files.exists(Path.of(input))) {
      return input;
    }
    Path inHome = home.resolve(input);
    return Files.exists(inHome) ? inHome.toString() : input;
  }

  private static String configJson(Map<String, String> options, String input) {
    Map<String, String> sorted = new TreeMap<>(options);
    sorted.put("input", input);
    sorted.remove("master"); // where it ran does not change what it computes
    sorted.remove("max-delete-share"); // nor do the safety limits
    sorted.remove("allow-deletes");
    sorted.remove("wait");
    try {
      return new ObjectMapper()
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .writeValueAsString(sorted);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double maxDeleteShare(ParsedOptions opts) {
    double share = opts.doubleValue("max-delete-share");
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "--max-delete-share must be a share between 0 and 1, got " + share);
    }
    return share;
  }
}
