package io.msetl.build.incremental;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/** The datasets a build keeps in memory (and on disk) for reuse, released together at the end. */
public final class Persisted implements AutoCloseable {
  private final List<Dataset<Row>> kept = new ArrayList<>();

  public Dataset<Row> keep(Dataset<Row> ds) {
    Dataset<Row> p = ds.persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(p);
    return p;
  }

  /**
   * Newest first: a dataset is released only after those built on it, so Spark never re-plans a
   * dependent cache entry (unpersisting a dataset others still cache rebuilds their entries, which
   * is quadratic in the number of cached datasets).
   */
  @Override
  public void close() {
    for (int i = kept.size() - 1; i >= 0; i--) {
      kept.get(i).unpersist();
    }
    kept.clear();
  }
}
