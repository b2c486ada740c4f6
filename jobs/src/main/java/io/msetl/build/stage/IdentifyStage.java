package io.msetl.build.stage;

import static org.apache.spark.sql.functions.col;

import io.msetl.featurize.FeaturizerConfig;
import io.msetl.featurize.spark.MoleculeStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Identify: RDKit parses each record's structure, strips salts and computes its identity (the
 * {@code structure_key} among them). Cheap, per record.
 */
public final class IdentifyStage {
  private IdentifyStage() {}

  /** Identified is persisted by the caller; accepted and rejects are both filters of it. */
  public static Dataset<Row> identified(Dataset<Row> records, FeaturizerConfig config) {
    return MoleculeStage.identify(records, config);
  }

  public static StageResult split(Dataset<Row> identified) {
    return new StageResult(
        identified.where(col("reject_reason").isNull()),
        RejectRows.of(identified.where(col("reject_reason").isNotNull()), "featurize"));
  }
}
