package io.msetl.build;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Small group-by counts for reports; the results are a handful of rows, safe to collect. */
public final class RejectCounts {
  private RejectCounts() {}

  /** {@code stage/REASON -> rows} of a rejects dataset. */
  public static Map<String, Long> of(Dataset<Row> rejects) {
    return collect(rejects.groupBy(concat_ws("/", col("stage"), col("reason")).as("k")).count());
  }

  public static Map<String, Long> countBy(Dataset<Row> rows, String column) {
    return collect(rows.groupBy(col(column).as("k")).count());
  }

  /** Warning code (text before the first ':') → spectra carrying it. */
  public static Map<String, Long> warnings(Dataset<Row> spectra) {
    Dataset<Row> w = spectra.select(explode(col("warnings")).as("w"));
    return collect(
        w.groupBy(org.apache.spark.sql.functions.substring_index(col("w"), ":", 1).as("k"))
            .count());
  }

  private static Map<String, Long> collect(Dataset<Row> grouped) {
    Map<String, Long> m = new TreeMap<>();
    for (Row r : grouped.collectAsList()) {
      m.put(r.isNullAt(0) ? "(none)" : r.getString(0), r.getLong(1));
    }
    return m;
  }
}
