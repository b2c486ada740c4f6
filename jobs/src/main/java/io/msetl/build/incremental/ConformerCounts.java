package io.msetl.build.incremental;

import static org.apache.spark.sql.functions.col;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Conformer statuses of graph_features as the run leaves it: reused rows plus new ones. */
final class ConformerCounts {
  private ConformerCounts() {}

  static Map<String, Long> of(PreviousTables prev, Dataset<Row> finalKeys, Dataset<Row> upserts) {
    Dataset<Row> kept =
        prev.graphs()
            .join(finalKeys, col("structure_key").equalTo(col("_k_key")), "left_semi")
            .join(
                upserts.select(col("structure_key").as("_u_key")),
                col("structure_key").equalTo(col("_u_key")),
                "left_anti")
            .select("conformer_status");
    Map<String, Long> m = new TreeMap<>();
    for (Row r :
        kept.unionByName(upserts.select("conformer_status"))
            .groupBy("conformer_status")
            .count()
            .collectAsList()) {
      m.put(r.getString(0), r.getLong(1));
    }
    return m;
  }
}
