package io.msetl.tables;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns rows of any stage into rows of the {@link Tables#REJECTS} table: the one place that knows
 * its columns, so ingest and the build's later stages cannot write rejects in different shapes.
 */
public final class RejectRows {
  /** Longest raw excerpt kept: enough to recognise a record, small enough for a table row. */
  public static final int MAX_EXCERPT_CHARS = 2000;

  private RejectRows() {}

  /**
   * {@code rows} carry the lineage columns ({@code record_id}, {@code source_file}, {@code
   * byte_offset}, {@code ordinal}); the rest is given. Columns come out in the table's order.
   */
  public static Dataset<Row> of(
      Dataset<Row> rows, String stage, Column reason, Column message, Column rawExcerpt) {
    Map<String, Column> given =
        Map.of(
            "stage", lit(stage), "reason", reason, "message", message, "raw_excerpt", rawExcerpt);
    return rows.select(
        Tables.REJECTS.columnNames().stream()
            .map(name -> given.getOrDefault(name, col(name)).as(name))
            .toArray(Column[]::new));
  }

  /** The start of a text column as the excerpt (empty when the text is null). */
  public static Column excerpt(Column text) {
    return substring(coalesce(text, lit("")), 1, MAX_EXCERPT_CHARS);
  }
}
