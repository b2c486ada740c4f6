package io.msetl.tables;

import org.apache.spark.sql.SparkSession;

/** Opens the store for a format and root folder. */
public final class TableStores {
  private TableStores() {}

  public static TableStore open(SparkSession spark, TableFormat format, String root) {
    return switch (format) {
      case DELTA -> new DeltaTableStore(spark, root);
      case PARQUET -> new ParquetTableStore(spark, root);
    };
  }
}
