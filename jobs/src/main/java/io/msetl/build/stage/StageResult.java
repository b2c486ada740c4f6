package io.msetl.build.stage;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a stage gives the next one: the rows it accepted, and its rejects in the {@code rejects}
 * table's columns. Both are lazy.
 */
public record StageResult(Dataset<Row> accepted, Dataset<Row> rejects) {}
