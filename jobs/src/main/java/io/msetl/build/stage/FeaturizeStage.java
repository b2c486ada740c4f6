package io.msetl.build.stage;

import static org.apache.spark.sql.functions.col;

import io.msetl.featurize.FeaturizerConfig;
import io.msetl.featurize.spark.MoleculeStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Featurize: graph features and a 3D conformer per structure, the expensive stage (3D embedding is
 * over 90 % of a build). Input: one row per structure to featurize with {@code structure_key},
 * {@code molblock_parent}, {@code input_hash} and the representative's {@code structure_source};
 * output: the feature rows with {@code input_hash} kept, successes and rejects side by side ({@code
 * reject_reason} null on success).
 */
public final class FeaturizeStage {
  private FeaturizeStage() {}

  public static Dataset<Row> run(
      SparkSession spark, Dataset<Row> structures, long count, FeaturizerConfig c, int partitions) {
    int n = partitions > 0 ? partitions : autoPartitions(spark, count);
    Dataset<Row> features =
        MoleculeStage.featurize(
            structures
                .select("structure_key", "molblock_parent", "structure_source")
                .repartition(n, col("structure_key")),
            c);
    return features.join(structures.select("structure_key", "input_hash"), "structure_key");
  }

  /**
   * Many more partitions than cores: 3D embedding has a heavy tail (one molecule can take a
   * minute), and small partitions let the other cores keep working meanwhile.
   */
  static int autoPartitions(SparkSession spark, long structures) {
    int cores = spark.sparkContext().defaultParallelism();
    long byTail = Math.max(cores * 4L, structures / 50);
    return (int) Math.max(1, Math.min(Math.min(byTail, 20_000), Math.max(1, structures)));
  }
}
