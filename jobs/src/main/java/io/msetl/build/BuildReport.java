package io.msetl.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.msetl.build.incremental.BuildChanges;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a build did: records read, parsed and rejected by reason; structures featurized, reused and
 * failed; compounds added, updated, deleted and unchanged; conformer outcomes; table versions; time
 * per stage. The console summary and the JSON report hold the same numbers.
 */
public record BuildReport(
    String runId,
    String tablesRoot,
    String format,
    Map<String, Long> tableRows,
    Map<String, Long> rejectCounts,
    Map<String, Long> conformerStatusCounts,
    Map<String, Long> warningCounts,
    BuildChanges.Counts counts,
    List<String> reasons,
    long orphanStructures,
    Map<String, Long> tableVersions,
    boolean nothingChanged,
    Map<String, Double> stageSeconds,
    double totalSeconds) {

  public void print(PrintStream out) {
    BuildChanges.Counts c = counts;
    out.printf(
        Locale.ROOT,
        "msetl build %s: %,d input records -> %s tables in %s%n",
        runId,
        c.inputRecords(),
        format,
        tablesRoot);
    reasons.forEach(r -> out.println("  " + r));
    if (nothingChanged) {
      out.println("  nothing changed: every table keeps its version");
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "records:    %,d read, %,d parsed, %,d recomputed, %,d rejected; %,d compounds%n",
        c.inputRecords(),
        c.recordsParsed(),
        c.recordsRecomputed(),
        c.rejects(),
        c.compounds());
    out.printf(
        Locale.ROOT,
        "compounds:  %,d added, %,d updated, %,d deleted, %,d unchanged (%,d moved in their file)%n",
        c.compoundsAdded(),
        c.compoundsUpdated(),
        c.compoundsDeleted(),
        c.compoundsUnchanged(),
        c.lineageMoved());
    out.printf(
        Locale.ROOT,
        "structures: %,d distinct: %,d featurized, %,d reused, %,d failed now,"
            + " %,d failed before (not retried)%n",
        c.distinctStructures(),
        c.structuresFeaturized(),
        c.structuresReused(),
        c.structuresFailedNew(),
        c.structuresFailedRemembered());
    out.println();
    out.println("rows per table:");
    tableRows.forEach((t, n) -> out.printf(Locale.ROOT, "  %-18s %8d%n", t, n));
    out.println();
    out.println("rejects per reason:" + (rejectCounts.isEmpty() ? " none" : ""));
    rejectCounts.forEach((r, n) -> out.printf(Locale.ROOT, "  %-40s %8d%n", r, n));
    if (!warningCounts.isEmpty()) {
      out.println();
      out.println("accepted with warnings (records recomputed by this run):");
      warningCounts.forEach((w, n) -> out.printf(Locale.ROOT, "  %-40s %8d%n", w, n));
    }
    out.println();
    out.println("conformers (graph_features after the run):");
    conformerStatusCounts.forEach((s, n) -> out.printf(Locale.ROOT, "  %-20s %8d%n", s, n));
    if (orphanStructures > 0) {
      out.printf(Locale.ROOT, "structures without a spectrum (not used): %d%n", orphanStructures);
    }
    out.println();
    out.println("table versions of this run's snapshot: " + tableVersions);
    out.println();
    out.println("wall time per stage:");
    stageSeconds.forEach((s, t) -> out.printf(Locale.ROOT, "  %-16s %8.1f s%n", s, t));
    out.printf(Locale.ROOT, "  %-16s %8.1f s%n", "total", totalSeconds);
  }

  /** The JSON report: the same numbers as {@link #print}, for schedulers and notebooks. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("outcome", "SUCCEEDED");
    m.put("tables", tablesRoot);
    m.put("format", format);
    m.put("reasons", reasons);
    m.put("counts", counts.asMap());
    m.put("rows_per_table", tableRows);
    m.put("rejects_per_reason", rejectCounts);
    m.put("warnings", warningCounts);
    m.put("conformer_status_counts", conformerStatusCounts);
    m.put("orphan_structures", orphanStructures);
    m.put("table_versions", tableVersions);
    m.put("nothing_changed", nothingChanged);
    m.put("stage_seconds", stageSeconds);
    m.put("total_seconds", totalSeconds);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
