package io.msetl.build.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.msetl.split.SplitAssigner;
import io.msetl.split.SplitMethod;
import io.msetl.split.SplitRatios;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Split: train/val/test as a pure function of a group key, a salt and the ratios, so a compound
 * never moves between splits when others are added or removed.
 */
public final class SplitStage {
  private SplitStage() {}

  /** Adds {@code group_key} and {@code split}. */
  public static Dataset<Row> run(
      Dataset<Row> rows, SplitMethod method, String salt, SplitRatios ratios) {
    SplitAssigner assigner = new SplitAssigner(salt, ratios);
    UserDefinedFunction groupKey =
        udf(
            (UDF5<String, String, String, String, String, String>)
                (id, inchikey, scaffold, structureKey, unused) ->
                    SplitAssigner.groupKey(method, id, inchikey, scaffold, structureKey),
            DataTypes.StringType);
    UserDefinedFunction split = udf((UDF1<String, String>) assigner::splitOf, DataTypes.StringType);
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
}
