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
 * The build run an export comes from: a SUCCEEDED {@code runs} row, whose recorded table versions
 * are the consistent snapshot the export reads and whose config hash, feature schema and versions
 * are the manifest's provenance.
 *
 * @param tableVersions the versions the run committed; empty for runs recorded before msetl kept
 *     them
 * @param report the run's report (what {@code msetl build} printed), so a notebook can show it from
 *     the export alone
 */
record BuildRun(
    String runId,
    String configHash,
    String featureSchema,
    Map<String, String> versions,
    Map<String, Long> tableVersions,
    Map<String, Object> report) {

  static final BuildRun NONE = new BuildRun(null, null, null, Map.of(), Map.of(), Map.of());

  /** Successful runs, newest first. */
  static List<BuildRun> succeeded(TableStore store) {
    if (!store.exists(Tables.RUNS)) {
      return List.of();
    }
    List<Row> rows =
        store
            .read(Tables.RUNS)
            .where(col("outcome").equalTo("SUCCEEDED"))
            .orderBy(col("finished_at").desc(), col("run_id").desc())
            .collectAsList();
    return rows.stream().map(BuildRun::of).toList();
  }

  /** The last successful run, or {@link #NONE}. */
  static BuildRun latest(TableStore store) {
    List<BuildRun> runs = succeeded(store);
    return runs.isEmpty() ? NONE : runs.get(0);
  }

  /**
   * The run that wrote a pinned snapshot: the newest successful run whose recorded versions equal
   * it, else the newest whose compounds version is not after it, else {@link #NONE}.
   */
  static BuildRun forVersions(TableStore store, Map<String, Long> pinned) {
    List<BuildRun> runs = succeeded(store);
    for (BuildRun r : runs) {
      if (!r.tableVersions().isEmpty() && r.pins(pinned)) {
        return r;
      }
    }
    Long compounds = pinned.get(Tables.COMPOUNDS.tableName());
    for (BuildRun r : runs) {
      Long v = r.tableVersions().get(Tables.COMPOUNDS.tableName());
      if (v != null && compounds != null && v <= compounds) {
        return r;
      }
    }
    return NONE;
  }

  private boolean pins(Map<String, Long> pinned) {
    return pinned.entrySet().stream()
        .allMatch(e -> e.getValue().equals(tableVersions.get(e.getKey())));
  }

  private static BuildRun of(Row r) {
    Map<String, String> versions =
        new TreeMap<>(r.<String, String>getJavaMap(r.fieldIndex("versions")));
    Map<String, Long> tables = new TreeMap<>();
    int i = r.fieldIndex("table_versions");
    if (!r.isNullAt(i)) {
      tables.putAll(r.<String, Long>getJavaMap(i));
    }
    return new BuildRun(
        r.getAs("run_id"),
        r.getAs("config_hash"),
        r.getAs("feature_schema"),
        versions,
        tables,
        report(r));
  }

  /** Rows per table, rejects per stage/reason, conformer statuses, seconds per stage. */
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
