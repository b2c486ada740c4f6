package io.msetl.tables;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * A run's writes in Parquet mode: each table it changes is written whole into the run's snapshot
 * folder (the previous snapshot's rows minus what the change replaces or deletes, plus the upserts,
 * so unchanged structures keep their features without being recomputed); {@link #commit()}
 * publishes the folder with one pointer.
 */
final class ParquetSnapshotWriter implements TableWriter {
  private final ParquetTableStore store;
  private final SnapshotLog log;
  private final Path dir;
  private final Map<String, String> tables = new LinkedHashMap<>();

  ParquetSnapshotWriter(ParquetTableStore store, SnapshotLog log, Path dir) {
    this.store = store;
    this.log = log;
    this.dir = dir;
    log.latest().ifPresent(s -> tables.putAll(s.tables()));
  }

  @Override
  public void replace(Tables table, Dataset<Row> rows) {
    Path at = new Path(dir, table.tableName());
    store.write(rows, table, "overwrite", at);
    tables.put(table.tableName(), ParquetTableStore.relative(dir, table));
  }

  @Override
  public void apply(Tables table, TableChange change) {
    if (change.isEmpty()) {
      return;
    }
    Optional<String> previous = Optional.ofNullable(tables.get(table.tableName()));
    if (previous.isEmpty()) {
      replace(table, change.upserts());
      return;
    }
    String key = table.keyColumn();
    Dataset<Row> old = store.readFolder(table, previous.get());
    Dataset<Row> gone =
        change.upserts().select(col(key)).unionByName(change.deletes().select(col(key)));
    Dataset<Row> kept = old.join(gone, old.col(key).equalTo(gone.col(key)), "left_anti");
    if (change.patches() != null) {
      kept = patched(kept, Conform.toColumns(change.patches(), table), table);
    }
    replace(
        table,
        Conform.toSchema(kept, table).unionByName(Conform.toSchema(change.upserts(), table)));
  }

  /** Overwrites the patch's columns in the rows it names. */
  private static Dataset<Row> patched(Dataset<Row> rows, Dataset<Row> patch, Tables table) {
    String key = table.keyColumn();
    Dataset<Row> p = patch;
    for (String c : patch.columns()) {
      p = p.withColumnRenamed(c, "_p_" + c);
    }
    Dataset<Row> j = rows.join(p, rows.col(key).equalTo(p.col("_p_" + key)), "left_outer");
    java.util.List<String> patched = java.util.List.of(patch.columns());
    Column[] out = new Column[table.schema().fields().length];
    int i = 0;
    for (StructField f : table.schema().fields()) {
      out[i++] =
          patched.contains(f.name()) && !f.name().equals(key)
              ? functions
                  .when(col("_p_" + key).isNotNull(), col("_p_" + f.name()))
                  .otherwise(col(f.name()))
                  .as(f.name())
              : col(f.name());
    }
    return j.select(out);
  }

  @Override
  public Map<String, Long> commit() {
    long version = log.publish(tables);
    Map<String, Long> versions = new LinkedHashMap<>();
    for (Tables t : Tables.data()) {
      if (tables.containsKey(t.tableName())) {
        versions.put(t.tableName(), version);
      }
    }
    return versions;
  }
}
