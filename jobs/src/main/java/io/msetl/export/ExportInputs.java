package io.msetl.export;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.msetl.tables.TableStore;
import io.msetl.tables.Tables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The samples of one split, joined from the pinned tables: each spectrum with its compound, the
 * compound's structure features and its split row. Rows that cannot become a complete sample are
 * kept with an {@code exclusion} reason so the exporter counts them instead of losing them.
 */
final class ExportInputs {
  static final String EXCLUSION = "exclusion";

  private final TableStore store;
  private final Map<String, Long> versions;

  ExportInputs(TableStore store, Map<String, Long> versions) {
    this.store = store;
    this.versions = versions;
  }

  private Dataset<Row> read(Tables t) {
    return store.readVersion(t, versions.get(t.tableName()));
  }

  /**
   * Columns {@code c, s, g, d} (structs with each table's columns), {@code split}, {@code
   * exclusion}, {@code order_id}, {@code order_tiebreak}.
   */
  Dataset<Row> joined(List<String> splits) {
    Object[] names = splits.toArray();
    Dataset<Row> c = read(Tables.COMPOUNDS).where(col("split").isin(names));
    Dataset<Row> s = read(Tables.SPECTRA).where(col("split").isin(names));
    Dataset<Row> g = read(Tables.GRAPH_FEATURES);
    Dataset<Row> d = read(Tables.DATASET_SPLITS);
    Dataset<Row> cs =
        c.select(
            all(c).as("c"),
            col("id").as("_cid"),
            col("structure_key").as("_skey"),
            col("split").as("_csplit"));
    Dataset<Row> ss =
        s.select(
            all(s).as("s"),
            col("compound_id").as("_sid"),
            col("split").as("_ssplit"),
            // Several spectra of one compound are ordered by their content, which is stable across
            // runs.
            sha2(to_json(all(s)), 256).as("order_tiebreak"));
    Dataset<Row> gs = g.select(all(g).as("g"), col("structure_key").as("_gkey"));
    Dataset<Row> ds =
        d.select(all(d).as("d"), col("compound_id").as("_did"), col("split").as("_dsplit"));
    Dataset<Row> j =
        cs.join(ss, col("_cid").equalTo(col("_sid")), "full_outer")
            .join(gs, col("_skey").equalTo(col("_gkey")), "left_outer")
            .join(ds, col("_cid").equalTo(col("_did")), "left_outer");
    Column reason =
        when(col("_cid").isNull(), lit("COMPOUND_MISSING"))
            .when(col("_sid").isNull(), lit("SPECTRUM_MISSING"))
            .when(col("_skey").isNull(), lit("STRUCTURE_KEY_MISSING"))
            .when(col("_gkey").isNull(), lit("GRAPH_FEATURES_MISSING"))
            .when(col("_did").isNull(), lit("SPLIT_ROW_MISSING"))
            .when(
                col("_dsplit").notEqual(col("_csplit")).or(col("_ssplit").notEqual(col("_csplit"))),
                lit("SPLIT_MISMATCH"));
    return j.select(
        col("c"),
        col("s"),
        col("g"),
        col("d"),
        coalesce(col("_csplit"), col("_ssplit")).as("split"),
        reason.as(EXCLUSION),
        coalesce(col("_cid"), col("_sid")).as("order_id"),
        col("order_tiebreak"));
  }

  private static Column all(Dataset<Row> ds) {
    return struct(Arrays.stream(ds.columns()).map(ds::col).toArray(Column[]::new));
  }
}
