package io.msetl.tables;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one run changes in a keyed table ({@link Tables#keyColumn()}): rows to insert or replace,
 * keys to delete, and patches that overwrite some columns of existing rows (lineage of a record
 * that moved in its file). Rows of the table that none of the three names are neither read nor
 * rewritten (Delta) or carried over unchanged (Parquet snapshots). The counts are the caller's; the
 * three sets are disjoint by key.
 *
 * @param upserts complete rows (every column of the table) to insert, or to replace the row with
 *     the same key
 * @param deletes one column, the key, of rows to remove
 * @param patches the key plus the columns to overwrite in existing rows; null when there are none
 */
public record TableChange(
    Dataset<Row> upserts,
    Dataset<Row> deletes,
    Dataset<Row> patches,
    long upsertCount,
    long deleteCount,
    long patchCount) {

  /** Rows the change touches; 0 means there is nothing to write and the table keeps its version. */
  public long changedRows() {
    return upsertCount + deleteCount + patchCount;
  }

  public boolean isEmpty() {
    return changedRows() == 0;
  }
}
