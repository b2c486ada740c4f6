package io.msetl.build;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;

import io.msetl.featurize.spark.MoleculeStage;
import io.msetl.ingest.Ingest;
import io.msetl.ingest.IngestResult;
import io.msetl.spectrum.spark.SpectrumStage;
import io.msetl.split.SplitAssigner;
import io.msetl.tables.TableStore;
import io.msetl.tables.TableStores;
import io.msetl.tables.Tables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The build: ingest → identify molecules → featurize each distinct structure once → normalise
 * spectra → assign splits → write the six tables. Nothing is written until every stage has run, so
 * a build that fails (or finds nothing usable) leaves the previous tables untouched.
 */
public final class BuildJob {
  private BuildJob() {}

  public static BuildReport run(SparkSession spark, BuildOptions o, Progress progress) {
    long t0 = System.nanoTime();
    String runId = UUID.randomUUID().toString();
    String startedAt = java.time.Instant.now().toString();
    StageClock clock = new StageClock(progress);
    TaskProgress tasks = new TaskProgress(progress.stream(), 15);
    spark.sparkContext().addSparkListener(tasks);
    try {
      return build(spark, o, clock, t0, runId, startedAt);
    } finally {
      spark.sparkContext().removeSparkListener(tasks);
    }
  }

  private static BuildReport build(
      SparkSession spark,
      BuildOptions o,
      StageClock clock,
      long t0,
      String runId,
      String startedAt) {

    IngestResult ingest = Ingest.run(spark, o.ingest());
    Dataset<Row> records = ingest.records().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> ingestRejects = ingest.rejects().persist(StorageLevel.MEMORY_AND_DISK());
    long inputRecords = clock.time("ingest", () -> records.count() + ingestRejects.count());
    long usable = records.count();
    if (usable == 0) {
      throw new NothingUsableException(o.input(), RejectCounts.of(ingestRejects));
    }

    Dataset<Row> identified =
        MoleculeStage.identify(records, o.featurizer()).persist(StorageLevel.MEMORY_AND_DISK());
    clock.time("identify", identified::count);
    Dataset<Row> molecules = identified.where(col("reject_reason").isNull());
    Dataset<Row> identifyRejects =
        asRejects(identified.where(col("reject_reason").isNotNull()), "featurize");

    Dataset<Row> distinct = io.msetl.featurize.spark.Representatives.of(molecules);
    long distinctCount = distinct.count();
    int partitions = o.partitions() > 0 ? o.partitions() : autoPartitions(spark, distinctCount);
    Dataset<Row> graphs =
        MoleculeStage.featurize(
                distinct.repartition(partitions, col("structure_key")), o.featurizer())
            .persist(StorageLevel.MEMORY_AND_DISK());
    clock.time("featurize", graphs::count);
    Dataset<Row> graphsOk = graphs.where(col("reject_reason").isNull());
    Dataset<Row> graphFailures =
        graphs
            .where(col("reject_reason").isNotNull())
            .select(
                col("structure_key"),
                col("reject_reason").as("g_reason"),
                col("reject_message").as("g_message"));
    Dataset<Row> featurizeRejects =
        asRejects(
            molecules
                .join(graphFailures, "structure_key")
                .withColumn("reject_reason", col("g_reason"))
                .withColumn("reject_message", col("g_message")),
            "featurize");

    Dataset<Row> spectra =
        SpectrumStage.normalize(
                molecules.join(
                    graphsOk.select("structure_key"),
                    molecules.col("structure_key").equalTo(graphsOk.col("structure_key")),
                    "left_semi"),
                o.spectrum())
            .persist(StorageLevel.MEMORY_AND_DISK());
    clock.time("spectra", spectra::count);
    Dataset<Row> spectrumRejects =
        asRejects(
            spectra
                .where(col("spectrum_reject_reason").isNotNull())
                .withColumn("reject_reason", col("spectrum_reject_reason"))
                .withColumn("reject_message", lit("no peak left after cleaning and range limits")),
            "spectrum");

    SplitAssigner assigner = new SplitAssigner(o.splitSalt(), o.splitRatios());
    Dataset<Row> accepted =
        withSplit(spectra.where(col("spectrum_reject_reason").isNull()), o, assigner)
            .withColumn(
                "content_hash",
                sha2(
                    concat_ws("\u0000", col("raw_sha256"), coalesce(col("structure"), lit(""))),
                    256))
            .persist(StorageLevel.MEMORY_AND_DISK());

    Dataset<Row> rejects =
        ingestRejects
            .unionByName(identifyRejects)
            .unionByName(featurizeRejects)
            .unionByName(spectrumRejects);

    TableStore store = TableStores.open(spark, o.format(), o.out());
    Dataset<Row> graphRows =
        graphsOk
            .join(accepted.select("structure_key").distinct(), "structure_key")
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> rejectRows = rejects.persist(StorageLevel.MEMORY_AND_DISK());
    long compoundCount = accepted.count();
    Map<String, Long> tableRows = new LinkedHashMap<>();
    tableRows.put(Tables.COMPOUNDS.tableName(), compoundCount);
    tableRows.put(Tables.SPECTRA.tableName(), compoundCount);
    tableRows.put(Tables.GRAPH_FEATURES.tableName(), graphRows.count());
    tableRows.put(Tables.DATASET_SPLITS.tableName(), compoundCount);
    tableRows.put(Tables.REJECTS.tableName(), rejectRows.count());
    Map<String, Long> rejectCounts = RejectCounts.of(rejectRows);
    Map<String, Long> conformers = RejectCounts.countBy(graphRows, "conformer_status");
    Map<String, Long> warnings = RejectCounts.warnings(accepted);
    int filesPerSplit = (int) Math.max(1, (compoundCount + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
    clock.time(
        "write",
        () -> {
          store.overwrite(Tables.COMPOUNDS, bySplit(compounds(accepted), filesPerSplit));
          store.overwrite(Tables.SPECTRA, bySplit(spectraRows(accepted), filesPerSplit));
          store.overwrite(Tables.GRAPH_FEATURES, graphRows.coalesce(filesPerSplit));
          store.overwrite(
              Tables.DATASET_SPLITS,
              bySplit(
                  accepted.select(
                      col("record_id").as("compound_id"),
                      col("group_key"),
                      lit(o.splitMethod().label()).as("split_method"),
                      col("split")),
                  filesPerSplit));
          store.overwrite(Tables.REJECTS, rejectRows.coalesce(1));
          return null;
        });
    long orphans = ingest.orphanStructures().count();
    double total = (System.nanoTime() - t0) / 1e9;
    Map<String, Double> stageSeconds = clock.orderedSeconds();

    RunRecord run =
        new RunRecord(
            runId,
            "build",
            startedAt,
            java.time.Instant.now().toString(),
            "SUCCEEDED",
            o.configJson(),
            InputFingerprints.of(spark, o.ingest()),
            Versions.all(),
            io.msetl.featurize.FeatureSchema.toJson(o.featurizer()),
            counts(tableRows, inputRecords, distinctCount, orphans),
            rejectCounts,
            conformers,
            stageSeconds);
    store.append(Tables.RUNS, run.toDataset(spark));
    tableRows.put(Tables.RUNS.tableName(), store.read(Tables.RUNS).count());

    graphRows.unpersist();
    rejectRows.unpersist();
    records.unpersist();
    ingestRejects.unpersist();
    identified.unpersist();
    graphs.unpersist();
    spectra.unpersist();
    accepted.unpersist();
    return new BuildReport(
        runId,
        o.out(),
        o.format().sparkFormat(),
        tableRows,
        rejectCounts,
        conformers,
        warnings,
        inputRecords,
        distinctCount,
        orphans,
        stageSeconds,
        total);
  }

  /** Rows per Parquet file: large enough for efficient scans, small enough to write in parallel. */
  private static final long ROWS_PER_FILE = 100_000;

  /**
   * A split-partitioned table gets {@code files} files per split instead of one per task and split.
   */
  private static Dataset<Row> bySplit(Dataset<Row> rows, int files) {
    return files == 1
        ? rows.repartition(col("split"))
        : rows.repartition(files * 3, col("split"), pmod(hash(col(rows.columns()[0])), lit(files)));
  }

  private static Map<String, Long> counts(
      Map<String, Long> tableRows, long input, long distinct, long orphans) {
    Map<String, Long> m = new LinkedHashMap<>(tableRows);
    m.put("input_records", input);
    m.put("distinct_structures", distinct);
    m.put("orphan_structures", orphans);
    return m;
  }

  /**
   * Many more partitions than cores: 3D embedding has a heavy tail (one molecule can take a
   * minute), and small partitions let the other cores keep working meanwhile.
   */
  static int autoPartitions(SparkSession spark, long structures) {
    int cores = spark.sparkContext().defaultParallelism();
    long byTail = Math.max(cores * 4L, structures / 50);
    return (int) Math.max(1, Math.min(byTail, 20_000));
  }

  private static Dataset<Row> withSplit(Dataset<Row> rows, BuildOptions o, SplitAssigner assigner) {
    var method = o.splitMethod();
    UserDefinedFunction groupKey =
        udf(
            (UDF5<String, String, String, String, String, String>)
                (id, inchikey, scaffold, structureKey, unused) ->
                    SplitAssigner.groupKey(method, id, inchikey, scaffold, structureKey),
            DataTypes.StringType);
    UserDefinedFunction split =
        udf(
            (org.apache.spark.sql.api.java.UDF1<String, String>) assigner::splitOf,
            DataTypes.StringType);
    return rows.withColumn(
            "group_key",
            groupKey.apply(
                col("record_id"),
                col("inchikey"),
                col("murcko_scaffold"),
                col("structure_key"),
                lit(null).cast("string")))
        .withColumn("split", split.apply(col("group_key")));
  }

  private static Dataset<Row> compounds(Dataset<Row> a) {
    return a.select(
        col("record_id").as("id"),
        col("name"),
        col("synonyms"),
        col("formula_computed").as("formula"),
        col("formula").as("formula_declared"),
        col("exact_mass_computed").as("exact_mass"),
        col("exact_mass").as("exact_mass_declared"),
        col("mw").as("mw_declared"),
        col("canonical_smiles"),
        col("inchi"),
        col("inchikey"),
        col("inchikey_declared"),
        col("structure_key"),
        col("murcko_scaffold"),
        col("heavy_atoms"),
        col("formal_charge"),
        col("fragment_count"),
        col("fragments_stripped"),
        col("cas"),
        col("nist_number"),
        col("db_number"),
        col("license"),
        col("authors"),
        col("structure_source"),
        col("structure_file"),
        col("source_file"),
        col("byte_offset"),
        col("ordinal"),
        col("raw_sha256"),
        col("content_hash"),
        col("split"));
  }

  private static Dataset<Row> spectraRows(Dataset<Row> a) {
    return a.select(
        col("record_id").as("compound_id"),
        col("spectrum_type"),
        col("ion_mode"),
        col("precursor_type"),
        col("precursor_mz"),
        col("collision_energy"),
        col("instrument"),
        col("instrument_type"),
        col("num_peaks_clean").as("num_peaks"),
        col("clean_mz").as("mz"),
        col("clean_intensity").as("intensity"),
        col("binned").as("normalized_spectrum"),
        col("peaks_below_range"),
        col("peaks_above_range"),
        col("peaks_dropped"),
        col("warnings"),
        col("metadata"),
        col("split"));
  }

  /** Rows that carry {@code reject_reason}/{@code reject_message} → the rejects table's columns. */
  private static Dataset<Row> asRejects(Dataset<Row> rows, String stage) {
    Column excerpt =
        substring(coalesce(col("structure"), lit("")), 1, io.msetl.reject.Reject.MAX_EXCERPT_CHARS);
    return rows.select(
        lit(stage).as("stage"),
        col("reject_reason").as("reason"),
        col("reject_message").as("message"),
        col("record_id"),
        col("source_file"),
        col("byte_offset"),
        col("ordinal"),
        excerpt.as("raw_excerpt"));
  }
}
