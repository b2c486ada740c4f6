package io.msetl.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Tables as plain Parquet folders. Parquet has no transaction log, so an overwrite is written
 * beside the table and swapped in by renames: a failed write never damages the old table. There is
 * one version only (reported as 0).
 */
public final class ParquetTableStore implements TableStore {
  private final SparkSession spark;
  private final String root;

  public ParquetTableStore(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
  }

  @Override
  public void overwrite(Tables table, Dataset<Row> rows) {
    Path target = path(table);
    Path staging = new Path(root, "." + table.tableName() + ".staging-" + UUID.randomUUID());
    writer(table, Conform.toSchema(rows, table)).mode("errorifexists").save(staging.toString());
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path old = new Path(root, "." + table.tableName() + ".old-" + UUID.randomUUID());
      boolean hadOld = fs.exists(target);
      if (hadOld && !fs.rename(target, old)) {
        throw new IOException("cannot move " + target + " aside");
      }
      if (!fs.rename(staging, target)) {
        throw new IOException("cannot move " + staging + " to " + target);
      }
      if (hadOld) {
        fs.delete(old, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not publish table " + table.tableName(), e);
    }
  }

  @Override
  public void append(Tables table, Dataset<Row> rows) {
    writer(table, Conform.toSchema(rows, table)).mode("append").save(path(table).toString());
  }

  private DataFrameWriter<Row> writer(Tables table, Dataset<Row> rows) {
    DataFrameWriter<Row> w = rows.write().format("parquet");
    return table.partitionColumn() == null ? w : w.partitionBy(table.partitionColumn());
  }

  @Override
  public Dataset<Row> read(Tables table) {
    return spark.read().schema(table.schema()).parquet(path(table).toString());
  }

  @Override
  public Dataset<Row> readVersion(Tables table, long version) {
    if (version != 0) {
      throw new IllegalArgumentException(
          "Parquet tables have no history: only version 0 exists (use --format delta for time travel)");
    }
    return read(table);
  }

  @Override
  public OptionalLong latestVersion(Tables table) {
    return exists(table) ? OptionalLong.of(0) : OptionalLong.empty();
  }

  @Override
  public boolean exists(Tables table) {
    try {
      Path p = path(table);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public TableFormat format() {
    return TableFormat.PARQUET;
  }

  @Override
  public String root() {
    return root;
  }

  private Path path(Tables table) {
    return new Path(root, table.tableName());
  }
}
