package io.msetl.export.sqlite;

import io.msetl.tables.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;

/**
 * The tables of a SQLite shard. The four data tables carry every column of their msetl table (see
 * {@link Tables}) plus integer keys: {@code spectra.sample_index} (contiguous over a split, the
 * rowid, so range reads are rowid range scans) and {@code structure_index}, the rowid of {@code
 * structures}. Structures are stored once per shard; {@code graph_features} is a view keyed by
 * compound id so the original training query runs unchanged.
 */
public final class SqliteShardSchema {
  public static final int FORMAT_VERSION = 2;

  /** Array shapes in terms of count columns of the same row; -1 = whatever the length gives. */
  static final Map<String, List<Object>> SHAPES =
      Map.of(
          "normalized_spectrum", List.of("num_bins"),
          "mz", List.of("num_peaks"),
          "intensity", List.of("num_peaks"),
          "node_features", List.of("num_atoms", "node_feature_width"),
          "edge_index", List.of(2, "num_edges"),
          "edge_attr", List.of("num_edges", "edge_feature_width"),
          "coords", List.of("num_atoms", 3));

  private SqliteShardSchema() {}

  static List<StructField> fields(Tables t) {
    return List.of(t.schema().fields());
  }

  static List<String> createTables() {
    List<String> ddl = new ArrayList<>();
    ddl.add("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    ddl.add(
        "CREATE TABLE compounds ("
            + columns(Tables.COMPOUNDS)
            + ", structure_index INTEGER NOT NULL)");
    ddl.add(
        "CREATE TABLE spectra (sample_index INTEGER PRIMARY KEY, structure_index INTEGER NOT NULL, "
            + "num_bins INTEGER NOT NULL, "
            + columns(Tables.SPECTRA)
            + ")");
    ddl.add(
        "CREATE TABLE structures (structure_index INTEGER PRIMARY KEY, "
            + columns(Tables.GRAPH_FEATURES)
            + ")");
    ddl.add("CREATE TABLE dataset_splits (" + columns(Tables.DATASET_SPLITS) + ")");
    return ddl;
  }

  /**
   * Created after the load: building an index once over sorted data beats maintaining it per
   * insert.
   */
  static List<String> createIndexesAndViews() {
    return List.of(
        "CREATE UNIQUE INDEX compounds_id ON compounds(id)",
        "CREATE INDEX spectra_compound_id ON spectra(compound_id)",
        "CREATE UNIQUE INDEX structures_key ON structures(structure_key)",
        "CREATE UNIQUE INDEX dataset_splits_compound_id ON dataset_splits(compound_id)",
        "CREATE INDEX dataset_splits_split ON dataset_splits(split, compound_id)",
        "CREATE VIEW graph_features AS SELECT c.id AS compound_id, g.* FROM compounds c "
            + "JOIN structures g ON g.structure_index = c.structure_index",
        "CREATE VIEW samples AS SELECT s.sample_index, s.compound_id, s.num_bins, s.normalized_spectrum, "
            + "g.structure_key, g.num_atoms, g.node_feature_width, g.node_features, g.num_edges, g.edge_index, "
            + "g.edge_feature_width, g.edge_attr, g.coords, g.conformer_status "
            + "FROM spectra s JOIN structures g ON g.structure_index = s.structure_index");
  }

  static String insert(String table, int columns) {
    return "INSERT INTO "
        + table
        + " VALUES ("
        + String.join(", ", java.util.Collections.nCopies(columns, "?"))
        + ")";
  }

  /** dtype, shape and compression of every blob column, keyed {@code table.column}. */
  static Map<String, Object> arrays() {
    Map<String, Object> out = new LinkedHashMap<>();
    addArrays(out, "spectra", Tables.SPECTRA);
    addArrays(out, "structures", Tables.GRAPH_FEATURES);
    return out;
  }

  private static void addArrays(Map<String, Object> out, String table, Tables t) {
    for (StructField f : t.schema().fields()) {
      String dtype = SqliteColumns.dtype(f);
      if (dtype != null) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("dtype", dtype);
        a.put("shape", SHAPES.getOrDefault(f.name(), List.of(-1)));
        a.put("compression", "zlib");
        a.put("nullable", f.nullable());
        out.put(table + "." + f.name(), a);
      }
    }
  }

  private static String columns(Tables t) {
    return fields(t).stream()
        .map(f -> f.name() + " " + SqliteColumns.sqlType(f))
        .collect(Collectors.joining(", "));
  }
}
