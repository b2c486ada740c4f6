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

  @Override
  public void close() {
    kept.forEach(Dataset::unpersist);
    kept.clear();
  }
}
