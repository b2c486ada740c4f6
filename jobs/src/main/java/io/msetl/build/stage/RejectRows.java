package io.msetl.build.stage;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A later stage's rows that carry {@code reject_reason}/{@code reject_message} → the rejects
 * table's columns (through {@link io.msetl.tables.RejectRows}, the one builder of reject rows).
 */
public final class RejectRows {
  private RejectRows() {}

  public static Dataset<Row> of(Dataset<Row> rows, String stage) {
    return io.msetl.tables.RejectRows.of(
        rows,
        stage,
        col("reject_reason"),
        col("reject_message"),
        io.msetl.tables.RejectRows.excerpt(col("structure")));
  }
}
