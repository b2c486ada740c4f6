package io.msetl.build;

import io.msetl.digest.Sha256;
import io.msetl.tables.Tables;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/** One row of the {@code runs} table. */
public record RunRecord(
    String runId,
    String command,
    String startedAt,
    String finishedAt,
    String outcome,
    String error,
    String configJson,
    Map<String, String> inputFingerprints,
    Map<String, String> versions,
    String featureSchema,
    Map<String, Long> counts,
    Map<String, Long> rejectCounts,
    Map<String, Long> conformerStatusCounts,
    Map<String, Double> stageSeconds,
    Map<String, Long> tableVersions) {

  public Dataset<Row> toDataset(SparkSession spark) {
    Row row =
        RowFactory.create(
            runId,
            command,
            startedAt,
            finishedAt,
            outcome,
            error,
            configJson,
            Sha256.hex(configJson),
            scala(inputFingerprints),
            scala(versions),
            featureSchema,
            scala(counts),
            scala(rejectCounts),
            scala(conformerStatusCounts),
            scala(stageSeconds),
            tableVersions == null ? null : scala(tableVersions));
    return spark.createDataFrame(List.of(row), Tables.RUNS.schema());
  }

  private static <K, V> scala.collection.Map<K, V> scala(Map<K, V> m) {
    return CollectionConverters.asScala(m);
  }
}
