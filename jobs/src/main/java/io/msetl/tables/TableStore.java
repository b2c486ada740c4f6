package io.msetl.tables;

import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where msetl's tables live: one folder per table under a root. Callers see tables by their {@link
 * Tables} name; whether that is Delta or Parquet underneath is the store's business.
 */
public interface TableStore {

  /**
   * Replaces the table's contents in one commit; readers see the old or the new rows, never a mix.
   */
  void overwrite(Tables table, Dataset<Row> rows);

  /** Starts the writes of one run (see {@link TableWriter}). */
  TableWriter writer(String runId);

  /** Adds rows (used for {@code runs}). */
  void append(Tables table, Dataset<Row> rows);

  /** The latest contents. */
  Dataset<Row> read(Tables table);

  /** The contents as of a table version (Delta time travel); Parquet has only the latest. */
  Dataset<Row> readVersion(Tables table, long version);

  /** The latest version number, or empty when the table does not exist or has no versions. */
  OptionalLong latestVersion(Tables table);

  boolean exists(Tables table);

  TableFormat format();

  String root();
}
