package io.msetl.export;

import static org.apache.spark.sql.functions.col;

import io.msetl.tables.TableStore;
import io.msetl.tables.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * What the export records about the build that made the tables: the latest successful {@code runs}
 * row.
 */
record BuildRun(
    String runId,
    String configHash,
    String featureSchema,
    Map<String, String> versions,
    Map<String, Object> report) {

  static BuildRun latest(TableStore store) {
    if (!store.exists(Tables.RUNS)) {
      return new BuildRun(null, null, null, Map.of(), Map.of());
    }
    List<Row> rows =
        store
            .read(Tables.RUNS)
            .where(col("outcome").equalTo("SUCCEEDED"))
            .orderBy(col("finished_at").desc(), col("run_id").desc())
            .limit(1)
            .collectAsList();
    if (rows.isEmpty()) {
      return new BuildRun(null, null, null, Map.of(), Map.of());
    }
    Row r = rows.get(0);
    Map<String, String> versions =
        new TreeMap<>(r.<String, String>getJavaMap(r.fieldIndex("versions")));
    return new BuildRun(
        r.getAs("run_id"), r.getAs("config_hash"), r.getAs("feature_schema"), versions, report(r));
  }

  /**
   * The run's report (what `msetl build` printed), so a notebook can show it from the export alone:
   * rows per table, rejects per stage/reason, conformer statuses, seconds per stage.
   */
  private static Map<String, Object> report(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", r.getAs("command"));
    m.put("started_at", r.getAs("started_at"));
    m.put("finished_at", r.getAs("finished_at"));
    for (String column :
        List.of("counts", "reject_counts", "conformer_status_counts", "stage_seconds")) {
      int i = r.fieldIndex(column);
      m.put(column, r.isNullAt(i) ? Map.of() : new TreeMap<>(r.getJavaMap(i)));
    }
    return m;
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("config_hash", configHash);
    m.put("versions", versions);
    m.put("report", report);
    return m;
  }
}
