package io.msetl.build;

import io.msetl.build.incremental.BuildChanges;
import io.msetl.build.incremental.BuildHashes;
import io.msetl.build.incremental.DeletionGuard;
import io.msetl.build.incremental.IncrementalPlan;
import io.msetl.build.incremental.Persisted;
import io.msetl.build.incremental.PreviousTables;
import io.msetl.featurize.FeatureSchema;
import io.msetl.ingest.Ingest;
import io.msetl.ingest.IngestResult;
import io.msetl.tables.TableStore;
import io.msetl.tables.TableStores;
import io.msetl.tables.TableWriter;
import io.msetl.tables.Tables;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The build: ingest → plan what changed against the tables ({@link IncrementalPlan}: identify,
 * featurize, spectra and split only what needs it) → write each table's change → record the run.
 * Nothing is written until the plan is complete, and the {@code runs} row — written for failed runs
 * too — records the table versions the run committed: the consistent snapshot that {@code export}
 * reads.
 */
public final class BuildJob {
  private BuildJob() {}

  public static BuildReport run(SparkSession spark, BuildOptions o, Progress progress) {
    long t0 = System.nanoTime();
    String runId = UUID.randomUUID().toString();
    String startedAt = Instant.now().toString();
    StageClock clock = new StageClock(progress);
    TaskProgress tasks = new TaskProgress(progress.stream(), 15);
    spark.sparkContext().addSparkListener(tasks);
    TableStore store = TableStores.open(spark, o.format(), o.out());
    BuildHashes hashes = BuildHashes.of(o);
    RunRow run = new RunRow(spark, store, o, hashes, runId, startedAt);
    try (Persisted persisted = new Persisted()) {
      BuildReport report = build(spark, o, store, hashes, clock, persisted, run, t0);
      return report;
    } catch (RuntimeException e) {
      run.failed(e, clock.orderedSeconds());
      throw e;
    } finally {
      spark.sparkContext().removeSparkListener(tasks);
    }
  }

  private static BuildReport build(
      SparkSession spark,
      BuildOptions o,
      TableStore store,
      BuildHashes hashes,
      StageClock clock,
      Persisted persisted,
      RunRow run,
      long t0) {
    IngestResult ingest = Ingest.run(spark, o.ingest());
    Dataset<Row> records =
        persisted.keep(IncrementalPlan.withContentHash(ingest.records(), hashes));
    Dataset<Row> ingestRejects = persisted.keep(ingest.rejects());
    long inputRecords = clock.time("ingest", () -> records.count() + ingestRejects.count());
    if (records.isEmpty()) {
      // Nothing usable: the tables stay as they are; the rejects go beside them, not into them.
      throw new NothingUsableException(
          o.input(),
          RejectCounts.of(ingestRejects),
          FailedRunRejects.write(spark, o.out(), run.id(), ingestRejects));
    }

    PreviousTables prev = PreviousTables.read(spark, store);
    IncrementalPlan plan = new IncrementalPlan(spark, o, hashes, prev, clock, persisted, run.id());

    BuildChanges changes = plan.plan(records, ingestRejects, inputRecords);
    DeletionGuard.check(changes.counts(), o.maxDeleteShare(), o.allowDeletes());

    Map<String, Long> versions =
        clock.time(
            "write",
            () -> {
              TableWriter w = store.writer(run.id());
              apply(w, Tables.GRAPH_FEATURES, changes.graphFeatures());
              apply(w, Tables.COMPOUNDS, changes.compounds());
              apply(w, Tables.SPECTRA, changes.spectra());
              apply(w, Tables.DATASET_SPLITS, changes.datasetSplits());
              Dataset<Row> failures =
                  changes.failures() != null || store.exists(Tables.FEATURIZE_FAILURES)
                      ? changes.failures()
                      : spark.createDataFrame(
                          java.util.List.<Row>of(), Tables.FEATURIZE_FAILURES.schema());
              if (failures != null) {
                w.replace(Tables.FEATURIZE_FAILURES, failures.coalesce(1));
                BuildHooks.reached("committed-" + Tables.FEATURIZE_FAILURES.tableName());
              }
              if (changes.rejects() != null) {
                w.replace(Tables.REJECTS, changes.rejects().coalesce(1));
                BuildHooks.reached("committed-" + Tables.REJECTS.tableName());
              }
              return w.commit();
            });
    long orphans = ingest.orphanStructures().count();
    Map<String, Double> stageSeconds = clock.orderedSeconds();
    run.succeeded(changes, orphans, stageSeconds, versions);

    Map<String, Long> tableRows = new LinkedHashMap<>();
    tableRows.put(Tables.COMPOUNDS.tableName(), changes.counts().compounds());
    tableRows.put(Tables.SPECTRA.tableName(), changes.counts().compounds());
    tableRows.put(
        Tables.GRAPH_FEATURES.tableName(),
        changes.conformerStatusCounts().values().stream().mapToLong(Long::longValue).sum());
    tableRows.put(Tables.DATASET_SPLITS.tableName(), changes.counts().compounds());
    tableRows.put(Tables.REJECTS.tableName(), changes.counts().rejects());
    tableRows.put(Tables.RUNS.tableName(), store.read(Tables.RUNS).count());
    return new BuildReport(
        run.id(),
        o.out(),
        o.format().sparkFormat(),
        tableRows,
        changes.rejectCounts(),
        changes.conformerStatusCounts(),
        changes.warningCounts(),
        changes.counts(),
        changes.reasons(),
        orphans,
        versions,
        changes.nothingToWrite(),
        stageSeconds,
        (System.nanoTime() - t0) / 1e9);
  }

  private static void apply(TableWriter w, Tables table, io.msetl.tables.TableChange change) {
    if (!change.isEmpty()) {
      w.apply(table, change);
      BuildHooks.reached("committed-" + table.tableName());
    }
  }

  /** The run's row in {@code runs}: written once, on success or on failure. */
  static final class RunRow {
    private final SparkSession spark;
    private final TableStore store;
    private final BuildOptions o;
    private final BuildHashes hashes;
    private final String runId;
    private final String startedAt;

    RunRow(
        SparkSession spark,
        TableStore store,
        BuildOptions o,
        BuildHashes hashes,
        String runId,
        String startedAt) {
      this.spark = spark;
      this.store = store;
      this.o = o;
      this.hashes = hashes;
      this.runId = runId;
      this.startedAt = startedAt;
    }

    String id() {
      return runId;
    }

    void succeeded(
        BuildChanges c, long orphans, Map<String, Double> seconds, Map<String, Long> versions) {
      Map<String, Long> counts = new LinkedHashMap<>(c.counts().asMap());
      counts.put("orphan_structures", orphans);
      write(
          "SUCCEEDED",
          null,
          counts,
          c.rejectCounts(),
          c.conformerStatusCounts(),
          seconds,
          versions);
    }

    void failed(RuntimeException e, Map<String, Double> seconds) {
      try {
        String line = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        write(
            "FAILED",
            e.getClass().getSimpleName() + ": " + line,
            Map.of(),
            Map.of(),
            Map.of(),
            seconds,
            null);
      } catch (RuntimeException writeFailure) {
        e.addSuppressed(writeFailure);
      }
    }

    private void write(
        String outcome,
        String error,
        Map<String, Long> counts,
        Map<String, Long> rejects,
        Map<String, Long> conformers,
        Map<String, Double> seconds,
        Map<String, Long> versions) {
      Map<String, String> versionsOfTools = new LinkedHashMap<>(Versions.all());
      hashes.asMap().forEach((k, v) -> versionsOfTools.put("settings_hash." + k, v));
      RunRecord r =
          new RunRecord(
              runId,
              "build",
              startedAt,
              Instant.now().toString(),
              outcome,
              error,
              o.configJson(),
              InputFingerprints.of(spark, o.ingest()),
              versionsOfTools,
              FeatureSchema.toJson(o.featurizer()),
              counts,
              rejects,
              conformers,
              seconds,
              versions);
      store.append(Tables.RUNS, r.toDataset(spark));
    }
  }
}
