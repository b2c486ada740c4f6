package io.msetl.build;

import io.msetl.tables.Tables;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The rejects of a run that found nothing usable, written as Parquet beside the tables ({@code
 * <tables>/_reports/<run id>-rejects}) so that the user can see which records failed and why, while
 * the tables themselves keep the last good build.
 */
final class FailedRunRejects {
  private FailedRunRejects() {}

  /**
   * @return the folder written, or null when there are no rejects
   */
  static String write(SparkSession spark, String tablesRoot, String runId, Dataset<Row> rejects) {
    if (rejects.isEmpty()) {
      return null;
    }
    Path at = new Path(new Path(tablesRoot, "_reports"), runId + "-rejects");
    rejects
        .select(
            Tables.REJECTS.columnNames().stream()
                .map(c -> rejects.col(c))
                .toArray(org.apache.spark.sql.Column[]::new))
        .coalesce(1)
        .write()
        .mode("errorifexists")
        .parquet(at.toString());
    return at.toString();
  }
}
