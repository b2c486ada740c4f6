package io.msetl.tables;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The writes of one run. Delta commits each table as it is written and the run's snapshot is the
 * versions {@link #commit()} returns (recorded in the {@code runs} row); Parquet stages every table
 * in a new snapshot folder that {@link #commit()} publishes with one pointer update. Either way a
 * run that dies before {@code commit()} leaves the last committed run's snapshot intact.
 */
public interface TableWriter {

  /** Replaces the whole table. */
  void replace(Tables table, Dataset<Row> rows);

  /** Applies a keyed change; an empty change writes nothing. */
  void apply(Tables table, TableChange change);

  /**
   * Finishes the run's writes.
   *
   * @return the version of every table in {@link Tables#data()} after this run
   */
  Map<String, Long> commit();
}
