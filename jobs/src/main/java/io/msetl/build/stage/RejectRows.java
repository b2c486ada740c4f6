package io.msetl.build.stage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rows that carry {@code reject_reason}/{@code reject_message} → the rejects table's columns. */
public final class RejectRows {
  private RejectRows() {}

  public static Dataset<Row> of(Dataset<Row> rows, String stage) {
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
