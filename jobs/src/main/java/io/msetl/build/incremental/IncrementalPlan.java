package io.msetl.build.incremental;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;

import io.msetl.build.BuildOptions;
import io.msetl.build.StageClock;
import io.msetl.build.stage.FeaturizeStage;
import io.msetl.build.stage.IdentifyStage;
import io.msetl.build.stage.RejectRows;
import io.msetl.build.stage.SpectraStage;
import io.msetl.build.stage.SplitStage;
import io.msetl.build.stage.StageResult;
import io.msetl.tables.TableChange;
import io.msetl.tables.TableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The incremental build, in one place: given the ingested records and what the tables already hold,
 * decide what to recompute and what each table must change. Nothing is written here.
 *
 * <ol>
 *   <li>A record is <em>unchanged</em> when compounds, spectra and dataset_splits all hold its id
 *       at its current {@code content_hash} (raw bytes + structure bytes + settings). Everything
 *       else is recomputed (identify, spectra, split); unchanged records cost nothing but a join.
 *   <li>Each {@code structure_key}'s representative is its best-sourced member (MOL/SDF molblock,
 *       then SMILES, then InChI; ties by record id) among changed and unchanged records; its {@code
 *       structure_hash} is the key's wanted {@code input_hash}.
 *   <li>A structure is featurized only when neither graph_features nor featurize_failures holds its
 *       (key, input_hash): each structure once per featurizer, ever, failures included.
 *   <li>Each table's change is computed against that table's own rows, so a run that died between
 *       table commits is completed table by table by the next.
 * </ol>
 */
public final class IncrementalPlan {
  private final SparkSession spark;
  private final BuildOptions o;
  private final BuildHashes hashes;
  private final PreviousTables prev;
  private final StageClock clock;
  private final Persisted persisted;
  private final String runId;

  public IncrementalPlan(
      SparkSession spark,
      BuildOptions o,
      BuildHashes hashes,
      PreviousTables prev,
      StageClock clock,
      Persisted persisted,
      String runId) {
    this.spark = spark;
    this.o = o;
    this.hashes = hashes;
    this.prev = prev;
    this.clock = clock;
    this.persisted = persisted;
    this.runId = runId;
  }

  /** The content hash of an ingested record under this build's settings. */
  public static Dataset<Row> withContentHash(Dataset<Row> records, BuildHashes hashes) {
    return records.withColumn(
        "content_hash",
        sha2(
            concat_ws(
                "\u0000",
                col("raw_sha256"),
                functions_coalesce(col("structure")),
                lit(hashes.settings())),
            256));
  }

  /**
   * @param records ingested records with {@code content_hash}, persisted
   * @param ingestRejects ingest's rejects, persisted
   */
  public BuildChanges plan(Dataset<Row> records, Dataset<Row> ingestRejects, long inputRecords) {
    // 1. Unchanged and changed records.
    Dataset<Row> complete =
        prev.compounds()
            .join(
                prev.spectra()
                    .select(col("compound_id").as("_s_id"), col("content_hash").as("_s_hash")),
                col("id").equalTo(col("_s_id")).and(col("content_hash").equalTo(col("_s_hash"))),
                "left_semi")
            .join(
                prev.splits()
                    .select(col("compound_id").as("_d_id"), col("content_hash").as("_d_hash")),
                col("id").equalTo(col("_d_id")).and(col("content_hash").equalTo(col("_d_hash"))),
                "left_semi");
    Dataset<Row> current =
        records.select(
            col("record_id").as("_r_id"),
            col("content_hash").as("_r_hash"),
            col("source_file").as("_r_file"),
            col("byte_offset").as("_r_offset"),
            col("ordinal").as("_r_ordinal"),
            col("structure_file").as("_r_sfile"));
    Dataset<Row> unchanged =
        persisted.keep(
            complete.join(
                current,
                col("id").equalTo(col("_r_id")).and(col("content_hash").equalTo(col("_r_hash"))),
                "inner"));
    Dataset<Row> changed =
        records.join(
            complete.select(col("id").as("_p_id"), col("content_hash").as("_p_hash")),
            col("record_id").equalTo(col("_p_id")).and(col("content_hash").equalTo(col("_p_hash"))),
            "left_anti");

    // 2. Identify the changed records; their structure hash is the featurizer's input.
    Dataset<Row> identified =
        persisted.keep(
            IdentifyStage.identified(changed, o.featurizer())
                .withColumn(
                    "structure_hash",
                    sha2(
                        concat_ws("\u0000", lit(hashes.featurizer()), col("molblock_parent")),
                        256)));
    long recomputed = clock.time("identify", identified::count);
    StageResult identify = IdentifyStage.split(identified);
    Dataset<Row> molecules = identify.accepted();

    // 3. One representative per structure among all accepted members.
    Dataset<Row> members =
        molecules
            .select(
                col("structure_key"),
                col("record_id").as("member_id"),
                col("structure_hash"),
                col("structure_source"),
                StructureRank.of(col("structure_source")).as("rank"))
            .unionByName(
                unchanged.select(
                    col("structure_key"),
                    col("id").as("member_id"),
                    col("structure_hash"),
                    col("structure_source"),
                    StructureRank.of(col("structure_source")).as("rank")));
    Dataset<Row> wanted =
        persisted.keep(
            members
                .groupBy("structure_key")
                .agg(
                    min(struct(
                            col("rank"),
                            col("member_id"),
                            col("structure_hash"),
                            col("structure_source")))
                        .as("rep"))
                .select(
                    col("structure_key"),
                    col("rep.member_id").as("rep_id"),
                    col("rep.structure_hash").as("input_hash"),
                    col("rep.structure_source").as("structure_source")));
    long distinct = wanted.count();

    // 4. What to featurize, what to reuse, which failures to remember.
    Column sameInput =
        col("structure_key").equalTo(col("_g_key")).and(col("input_hash").equalTo(col("_g_hash")));
    Dataset<Row> prevGraphs =
        prev.graphs().select(col("structure_key").as("_g_key"), col("input_hash").as("_g_hash"));
    Dataset<Row> prevFailures =
        prev.failures().select(col("structure_key").as("_g_key"), col("input_hash").as("_g_hash"));
    long reused = wanted.join(prevGraphs, sameInput, "left_semi").count();
    Dataset<Row> remembered =
        persisted.keep(
            prev.failures()
                .join(
                    wanted.select(
                        col("structure_key").as("_w_key"), col("input_hash").as("_w_hash")),
                    col("structure_key")
                        .equalTo(col("_w_key"))
                        .and(col("input_hash").equalTo(col("_w_hash"))),
                    "left_semi"));
    long rememberedCount = remembered.count();
    Dataset<Row> toFeaturize =
        persisted.keep(
            wanted
                .join(prevGraphs, sameInput, "left_anti")
                .join(prevFailures, sameInput, "left_anti"));
    long featurizeCount = toFeaturize.count();
    List<String> reasons = reasons(featurizeCount, recomputed);

    Dataset<Row> featurized =
        persisted.keep(featurize(records, molecules, toFeaturize, featurizeCount));
    io.msetl.build.BuildHooks.reached("featurize");
    clock.time("featurize", featurized::count);
    Dataset<Row> newOk =
        featurized
            .where(col("reject_reason").isNull())
            .withColumn("featurizer_hash", lit(hashes.featurizer()));
    Dataset<Row> newFailures =
        featurized
            .where(col("reject_reason").isNotNull())
            .select(
                col("structure_key"),
                col("input_hash"),
                lit(hashes.featurizer()).as("featurizer_hash"),
                col("reject_reason").as("reason"),
                col("reject_message").as("message"),
                lit(runId).as("run_id"));
    long newFailureCount = newFailures.count();
    Dataset<Row> failures = persisted.keep(remembered.unionByName(newFailures));
    Dataset<Row> failedKeys =
        failures.select(
            col("structure_key").as("_f_key"),
            col("reason").as("_f_reason"),
            col("message").as("_f_message"));

    // 5. Members of failed structures are featurize rejects (changed or not).
    Dataset<Row> failedMembers =
        members
            .join(failedKeys, col("structure_key").equalTo(col("_f_key")))
            .select(col("member_id"), col("_f_reason"), col("_f_message"));
    Dataset<Row> featurizeRejects =
        RejectRows.of(
            records
                .join(failedMembers, col("record_id").equalTo(col("member_id")))
                .withColumn("reject_reason", col("_f_reason"))
                .withColumn("reject_message", col("_f_message")),
            "featurize");
    Dataset<Row> keep =
        persisted.keep(
            unchanged.join(failedKeys, col("structure_key").equalTo(col("_f_key")), "left_anti"));

    // 6. Spectra and split for the changed molecules that have features.
    Dataset<Row> normalized =
        persisted.keep(
            SpectraStage.normalized(
                molecules.join(
                    failedKeys, col("structure_key").equalTo(col("_f_key")), "left_anti"),
                o.spectrum()));
    clock.time("spectra", normalized::count);
    StageResult spectra = SpectraStage.split(normalized);
    Dataset<Row> accepted =
        persisted.keep(
            SplitStage.run(spectra.accepted(), o.splitMethod(), o.splitSalt(), o.splitRatios()));
    long acceptedChanged = accepted.count();

    // 7. Each table's change against its own rows.
    Dataset<Row> finalIds =
        accepted
            .select(col("record_id").as("_k_id"))
            .unionByName(keep.select(col("id").as("_k_id")));
    Dataset<Row> finalKeys =
        persisted.keep(
            accepted
                .select(col("structure_key").as("_k_key"))
                .unionByName(keep.select(col("structure_key").as("_k_key")))
                .distinct());
    TableChange compounds =
        change(
            TableRows.compounds(accepted),
            prev.compounds().select("id", "content_hash"),
            "id",
            finalIds,
            lineagePatches(keep));
    TableChange spectraChange =
        change(TableRows.spectra(accepted), prev.spectra(), "compound_id", finalIds, null);
    TableChange splits =
        change(
            TableRows.datasetSplits(accepted, o.splitMethod().label()),
            prev.splits(),
            "compound_id",
            finalIds,
            null);
    Dataset<Row> graphUpserts =
        persisted.keep(
            newOk.join(finalKeys, col("structure_key").equalTo(col("_k_key")), "left_semi"));
    Dataset<Row> graphDeletes =
        persisted.keep(
            prev.graphs()
                .select("structure_key")
                .join(finalKeys, col("structure_key").equalTo(col("_k_key")), "left_anti"));
    long graphUpsertCount = graphUpserts.count();
    long graphDeleteCount = graphDeletes.count();
    TableChange graphs =
        new TableChange(graphUpserts, graphDeletes, null, graphUpsertCount, graphDeleteCount, 0);

    Dataset<Row> rejects =
        persisted.keep(
            ingestRejects
                .unionByName(identify.rejects())
                .unionByName(featurizeRejects)
                .unionByName(spectra.rejects()));
    long rejectCount = rejects.count();
    long keepCount = keep.count();
    long previousCompounds = prev.compounds().count();
    long added =
        accepted
            .select(col("record_id"))
            .join(prev.compounds(), col("record_id").equalTo(col("id")), "left_anti")
            .count();

    boolean failuresChanged =
        newFailureCount > 0
            || rememberedCount != prev.failures().count()
            || prev.fullRebuildReason() != null;
    boolean rejectsChanged = prev.rejects() == null || !Fingerprint.same(rejects, prev.rejects());

    BuildChanges.Counts counts =
        new BuildChanges.Counts(
            inputRecords,
            inputRecords - ingestRejects.count(),
            recomputed,
            rejectCount,
            acceptedChanged + keepCount,
            added,
            acceptedChanged - added,
            compounds.deleteCount(),
            keepCount,
            compounds.patchCount(),
            distinct,
            featurizeCount,
            reused,
            newFailureCount,
            rememberedCount,
            graphDeleteCount,
            previousCompounds);
    Map<String, Long> conformers = ConformerCounts.of(prev, finalKeys, graphUpserts);
    return new BuildChanges(
        compounds,
        spectraChange,
        splits,
        graphs,
        failuresChanged ? failures : null,
        rejectsChanged ? rejects : null,
        counts,
        io.msetl.build.RejectCounts.of(rejects),
        conformers,
        io.msetl.build.RejectCounts.warnings(accepted),
        reasons);
  }

  /** Features for the structures to featurize, each from its representative's parent molblock. */
  private Dataset<Row> featurize(
      Dataset<Row> records, Dataset<Row> molecules, Dataset<Row> toFeaturize, long count) {
    Dataset<Row> blocks = molecules.select(col("record_id").as("_b_id"), col("molblock_parent"));
    Dataset<Row> withBlock =
        toFeaturize.join(blocks, col("rep_id").equalTo(col("_b_id")), "left_outer");
    Dataset<Row> missing = withBlock.where(col("molblock_parent").isNull());
    if (count > 0 && missing.count() > 0) {
      // The representative is an unchanged record (the previous one left or changed): identify
      // it again for its molblock. Rare, and cheap next to featurizing.
      Dataset<Row> again =
          IdentifyStage.split(
                  IdentifyStage.identified(
                      records.join(
                          missing.select(col("rep_id")),
                          col("record_id").equalTo(col("rep_id")),
                          "left_semi"),
                      o.featurizer()))
              .accepted()
              .select(col("record_id").as("_b_id"), col("molblock_parent"));
      withBlock =
          withBlock
              .where(col("molblock_parent").isNotNull())
              .unionByName(
                  missing
                      .drop("molblock_parent", "_b_id")
                      .join(again, col("rep_id").equalTo(col("_b_id")), "inner"));
    }
    return FeaturizeStage.run(
        spark,
        withBlock.select("structure_key", "molblock_parent", "input_hash", "structure_source"),
        count,
        o.featurizer(),
        o.partitions());
  }

  /**
   * Upserts: the recomputed rows the table does not hold at that content hash. Deletes: ids the
   * table holds that are not among the build's compounds.
   */
  private TableChange change(
      Dataset<Row> rows,
      Dataset<Row> previous,
      String key,
      Dataset<Row> finalIds,
      Dataset<Row> patches) {
    Dataset<Row> p = previous.select(col(key).as("_p_key"), col("content_hash").as("_p_hash"));
    Dataset<Row> upserts =
        rows.join(
            p,
            col(key).equalTo(col("_p_key")).and(col("content_hash").equalTo(col("_p_hash"))),
            "left_anti");
    upserts = persisted.keep(upserts);
    Dataset<Row> deletes =
        previous.select(col(key)).join(finalIds, col(key).equalTo(col("_k_id")), "left_anti");
    deletes = persisted.keep(deletes);
    long patchCount = patches == null ? 0 : patches.count();
    return new TableChange(
        upserts,
        deletes,
        patchCount == 0 ? null : patches,
        upserts.count(),
        deletes.count(),
        patchCount);
  }

  /**
   * Unchanged compounds whose record moved (in its file, or its file or MOL file was renamed) get
   * their lineage updated in place: lineage is not content, so nothing is recomputed.
   */
  private static Dataset<Row> lineagePatches(Dataset<Row> keep) {
    return keep.where(
            col("source_file")
                .notEqual(col("_r_file"))
                .or(col("byte_offset").notEqual(col("_r_offset")))
                .or(col("ordinal").notEqual(col("_r_ordinal")))
                .or(not(col("structure_file").eqNullSafe(col("_r_sfile")))))
        .select(
            col("id"),
            col("_r_file").as("source_file"),
            col("_r_offset").as("byte_offset"),
            col("_r_ordinal").as("ordinal"),
            col("_r_sfile").as("structure_file"));
  }

  /** Why this run recomputes what it does, for the summary. */
  private List<String> reasons(long featurizeCount, long recomputed) {
    List<String> r = new ArrayList<>();
    if (prev.fullRebuildReason() != null) {
      r.add(
          String.format(
              java.util.Locale.ROOT,
              "%s: %,d structures to featurize",
              prev.fullRebuildReason(),
              featurizeCount));
      return r;
    }
    Map<String, String> before = prev.previousSettings();
    hashes
        .asMap()
        .forEach(
            (what, hash) -> {
              if (before.containsKey(what) && !before.get(what).equals(hash)) {
                r.add(
                    String.format(
                        java.util.Locale.ROOT,
                        "%s settings changed: %,d records to recompute, %,d structures to featurize",
                        what,
                        recomputed,
                        featurizeCount));
              }
            });
    return r;
  }

  private static Column functions_coalesce(Column c) {
    return org.apache.spark.sql.functions.coalesce(c, lit(""));
  }
}
