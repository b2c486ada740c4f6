package io.msetl.build;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** What a build did: rows per table, rejects per reason, conformer outcomes, time per stage. */
public record BuildReport(
    String runId,
    String tablesRoot,
    String format,
    Map<String, Long> tableRows,
    Map<String, Long> rejectCounts,
    Map<String, Long> conformerStatusCounts,
    Map<String, Long> warningCounts,
    long inputRecords,
    long distinctStructures,
    long orphanStructures,
    Map<String, Double> stageSeconds,
    double totalSeconds) {

  public void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "msetl build %s: %d input records -> %s tables in %s%n",
        runId,
        inputRecords,
        format,
        tablesRoot);
    out.println();
    out.println("rows per table:");
    tableRows.forEach((t, n) -> out.printf(Locale.ROOT, "  %-16s %8d%n", t, n));
    out.println();
    out.println("rejects per reason:" + (rejectCounts.isEmpty() ? " none" : ""));
    rejectCounts.forEach((r, n) -> out.printf(Locale.ROOT, "  %-40s %8d%n", r, n));
    if (!warningCounts.isEmpty()) {
      out.println();
      out.println("accepted with warnings:");
      warningCounts.forEach((w, n) -> out.printf(Locale.ROOT, "  %-40s %8d%n", w, n));
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "structures: %d distinct featurized once each; conformers:%n",
        distinctStructures);
    conformerStatusCounts.forEach((s, n) -> out.printf(Locale.ROOT, "  %-20s %8d%n", s, n));
    if (orphanStructures > 0) {
      out.printf(Locale.ROOT, "structures without a spectrum (not used): %d%n", orphanStructures);
    }
    out.println();
    out.println("wall time per stage:");
    stageSeconds.forEach((s, t) -> out.printf(Locale.ROOT, "  %-16s %8.1f s%n", s, t));
    out.printf(Locale.ROOT, "  %-16s %8.1f s%n", "total", totalSeconds);
  }
}
