package io.msetl.tables;

import io.delta.tables.DeltaTable;
import java.util.OptionalLong;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Tables as Delta Lake folders: every write is one atomic, versioned commit. */
public final class DeltaTableStore implements TableStore {
  private final SparkSession spark;
  private final String root;

  public DeltaTableStore(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
  }

  @Override
  public void overwrite(Tables table, Dataset<Row> rows) {
    writer(table, Conform.toSchema(rows, table), "overwrite")
        .option("overwriteSchema", "true")
        .save(path(table));
  }

  @Override
  public TableWriter writer(String runId) {
    return new DeltaTableWriter(spark, this);
  }

  @Override
  public void append(Tables table, Dataset<Row> rows) {
    writer(table, Conform.toSchema(rows, table), "append").save(path(table));
  }

  private DataFrameWriter<Row> writer(Tables table, Dataset<Row> rows, String mode) {
    DataFrameWriter<Row> w = rows.write().format("delta").mode(mode);
    return table.partitionColumn() == null ? w : w.partitionBy(table.partitionColumn());
  }

  @Override
  public Dataset<Row> read(Tables table) {
    return spark.read().format("delta").load(path(table));
  }

  @Override
  public Dataset<Row> readVersion(Tables table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  @Override
  public OptionalLong latestVersion(Tables table) {
    if (!exists(table)) {
      return OptionalLong.empty();
    }
    Row last = DeltaTable.forPath(spark, path(table)).history(1).select("version").first();
    return OptionalLong.of(last.getLong(0));
  }

  @Override
  public boolean exists(Tables table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  @Override
  public TableFormat format() {
    return TableFormat.DELTA;
  }

  @Override
  public String root() {
    return root;
  }

  String path(Tables table) {
    return new Path(root, table.tableName()).toString();
  }
}
