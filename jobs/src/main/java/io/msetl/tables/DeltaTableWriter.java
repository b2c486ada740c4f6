package io.msetl.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * A run's writes to Delta tables: a replace is one overwrite commit, a change is one MERGE commit
 * on the table's key, and an empty change is no commit at all (so an unchanged rebuild adds no
 * version). The MERGE source holds only what changed, each row tagged with what to do, so unchanged
 * rows are neither read into the source nor rewritten.
 */
final class DeltaTableWriter implements TableWriter {
  private static final String OP = "_msetl_op";

  private final SparkSession spark;
  private final DeltaTableStore store;

  DeltaTableWriter(SparkSession spark, DeltaTableStore store) {
    this.spark = spark;
    this.store = store;
  }

  @Override
  public void replace(Tables table, Dataset<Row> rows) {
    store.overwrite(table, rows);
  }

  @Override
  public void apply(Tables table, TableChange change) {
    if (change.isEmpty()) {
      return;
    }
    if (!store.exists(table)) {
      store.overwrite(table, change.upserts());
      return;
    }
    String key = table.keyColumn();
    Dataset<Row> source =
        Conform.toSchema(change.upserts(), table)
            .withColumn(OP, lit("upsert"))
            .unionByName(keysOnly(change.deletes(), table).withColumn(OP, lit("delete")), true);
    Map<String, String> patch = new LinkedHashMap<>();
    if (change.patches() != null) {
      Dataset<Row> p = Conform.toColumns(change.patches(), table);
      for (String c : p.columns()) {
        if (!c.equals(key)) {
          patch.put(quote(c), "s." + quote(c));
        }
      }
      source = source.unionByName(p.withColumn(OP, lit("patch")), true);
    }
    Map<String, String> all = new LinkedHashMap<>();
    for (StructField f : table.schema().fields()) {
      all.put(quote(f.name()), "s." + quote(f.name()));
    }
    var merge =
        DeltaTable.forPath(spark, store.path(table))
            .as("t")
            .merge(source.as("s"), "t." + quote(key) + " = s." + quote(key))
            .whenMatched("s." + OP + " = 'delete'")
            .delete();
    if (!patch.isEmpty()) {
      merge = merge.whenMatched("s." + OP + " = 'patch'").updateExpr(patch);
    }
    merge
        .whenMatched("s." + OP + " = 'upsert'")
        .updateExpr(all)
        .whenNotMatched("s." + OP + " = 'upsert'")
        .insertExpr(all)
        .execute();
  }

  @Override
  public Map<String, Long> commit() {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (Tables t : Tables.data()) {
      store.latestVersion(t).ifPresent(v -> versions.put(t.tableName(), v));
    }
    return versions;
  }

  private static Dataset<Row> keysOnly(Dataset<Row> keys, Tables table) {
    String key = table.keyColumn();
    return keys.select(col(key).cast(table.schema().apply(key).dataType()).as(key));
  }

  private static String quote(String column) {
    return "`" + column + "`";
  }
}
