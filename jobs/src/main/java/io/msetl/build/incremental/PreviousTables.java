package io.msetl.build.incremental;

import static org.apache.spark.sql.functions.col;

import io.msetl.tables.TableStore;
import io.msetl.tables.Tables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the tables hold before a build, reduced to the columns the incremental plan compares: keys,
 * hashes and lineage. Each table is read at its own latest version, so a run that died between two
 * table commits is finished by the next one table by table.
 *
 * @param fullRebuildReason why nothing can be reused ("first build", "tables written by an older
 *     msetl"), or null
 * @param previousSettings the settings hashes ({@link BuildHashes#asMap()}) of the last successful
 *     run, empty when unknown
 */
public record PreviousTables(
    Dataset<Row> compounds,
    Dataset<Row> spectra,
    Dataset<Row> splits,
    Dataset<Row> graphs,
    Dataset<Row> failures,
    Dataset<Row> rejects,
    String fullRebuildReason,
    java.util.Map<String, String> previousSettings) {

  static final List<String> COMPOUND_COLUMNS =
      List.of(
          "id",
          "content_hash",
          "structure_key",
          "structure_hash",
          "structure_source",
          "source_file",
          "byte_offset",
          "ordinal",
          "structure_file");

  public static PreviousTables read(SparkSession spark, TableStore store) {
    if (!store.exists(Tables.COMPOUNDS)) {
      return empty(spark, store, "first build");
    }
    for (Tables t :
        List.of(Tables.COMPOUNDS, Tables.SPECTRA, Tables.DATASET_SPLITS, Tables.GRAPH_FEATURES)) {
      if (!store.exists(t) || !hasContractColumns(store.read(t).schema(), t)) {
        return empty(spark, store, "tables written by an older msetl (" + t.tableName() + ")");
      }
    }
    return new PreviousTables(
        store.read(Tables.COMPOUNDS).select(cols(COMPOUND_COLUMNS)),
        store.read(Tables.SPECTRA).select("compound_id", "content_hash"),
        store.read(Tables.DATASET_SPLITS).select("compound_id", "content_hash"),
        store.read(Tables.GRAPH_FEATURES).select("structure_key", "input_hash", "conformer_status"),
        readOrEmpty(spark, store, Tables.FEATURIZE_FAILURES),
        store.exists(Tables.REJECTS) ? store.read(Tables.REJECTS) : null,
        null,
        lastSettings(store));
  }

  /** From the last SUCCEEDED runs row, whose versions map carries {@code settings_hash.*}. */
  private static java.util.Map<String, String> lastSettings(TableStore store) {
    java.util.Map<String, String> m = new java.util.TreeMap<>();
    if (!store.exists(Tables.RUNS)) {
      return m;
    }
    List<Row> rows =
        store
            .read(Tables.RUNS)
            .where(col("outcome").equalTo("SUCCEEDED"))
            .orderBy(col("finished_at").desc(), col("run_id").desc())
            .limit(1)
            .select("versions")
            .collectAsList();
    if (!rows.isEmpty()) {
      rows.get(0)
          .<String, String>getJavaMap(0)
          .forEach(
              (k, v) -> {
                if (k.startsWith("settings_hash.")) {
                  m.put(k.substring("settings_hash.".length()), v);
                }
              });
    }
    return m;
  }

  private static PreviousTables empty(SparkSession spark, TableStore store, String reason) {
    return new PreviousTables(
        emptyOf(spark, Tables.COMPOUNDS, COMPOUND_COLUMNS),
        emptyOf(spark, Tables.SPECTRA, List.of("compound_id", "content_hash")),
        emptyOf(spark, Tables.DATASET_SPLITS, List.of("compound_id", "content_hash")),
        emptyOf(
            spark,
            Tables.GRAPH_FEATURES,
            List.of("structure_key", "input_hash", "conformer_status")),
        spark.createDataFrame(List.<Row>of(), Tables.FEATURIZE_FAILURES.schema()),
        store.exists(Tables.REJECTS) && reason.equals("first build")
            ? store.read(Tables.REJECTS)
            : null,
        reason,
        java.util.Map.of());
  }

  private static Dataset<Row> readOrEmpty(SparkSession spark, TableStore store, Tables t) {
    return store.exists(t) ? store.read(t) : spark.createDataFrame(List.<Row>of(), t.schema());
  }

  private static boolean hasContractColumns(StructType actual, Tables t) {
    List<String> have = List.of(actual.fieldNames());
    for (StructField f : t.schema().fields()) {
      if (!have.contains(f.name())) {
        return false;
      }
    }
    return true;
  }

  private static Dataset<Row> emptyOf(SparkSession spark, Tables t, List<String> columns) {
    StructType s = new StructType();
    for (String c : columns) {
      s = s.add(t.schema().apply(c));
    }
    return spark.createDataFrame(List.<Row>of(), s);
  }

  private static org.apache.spark.sql.Column[] cols(List<String> names) {
    return names.stream().map(n -> col(n)).toArray(org.apache.spark.sql.Column[]::new);
  }
}
