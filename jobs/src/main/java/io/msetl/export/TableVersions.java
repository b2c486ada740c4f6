package io.msetl.export;

import io.msetl.errors.MsetlErrors;
import io.msetl.tables.TableStore;
import io.msetl.tables.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Pins the version of every table an export reads, so the export is reproducible. */
final class TableVersions {
  static final List<Tables> EXPORTED =
      List.of(Tables.COMPOUNDS, Tables.SPECTRA, Tables.GRAPH_FEATURES, Tables.DATASET_SPLITS);

  private TableVersions() {}

  /** The pinned versions and the run they belong to. */
  record Pinned(Map<String, Long> versions, BuildRun run, String note) {}

  /**
   * {@code latest} (the default) is the snapshot the last successful build recorded, never each
   * table's newest version: a build that died between two table commits is invisible to exports.
   * Explicit versions ({@code N} or {@code table=N,...}) are checked against each table's history
   * and attributed to the run that wrote them.
   */
  static Pinned resolve(TableStore store, String spec) {
    Map<String, Long> requested = parse(spec == null ? "latest" : spec.trim());
    Map<String, Long> latest = new LinkedHashMap<>();
    for (Tables t : EXPORTED) {
      OptionalLong v = store.latestVersion(t);
      if (v.isEmpty()) {
        throw MsetlErrors.tableMissing(t.tableName(), store.root());
      }
      latest.put(t.tableName(), v.getAsLong());
    }
    if (requested.isEmpty()) {
      BuildRun run = BuildRun.latest(store);
      if (run == BuildRun.NONE) {
        throw MsetlErrors.noSuccessfulBuild(store.root());
      }
      if (run.tableVersions().isEmpty()) {
        // A runs row from before msetl recorded snapshots: the tables' newest versions.
        return new Pinned(
            latest, run, "run " + run.runId() + " recorded no table versions: using the latest");
      }
      Map<String, Long> out = new LinkedHashMap<>();
      for (Tables t : EXPORTED) {
        Long v = run.tableVersions().get(t.tableName());
        if (v == null) {
          throw MsetlErrors.runWithoutTableVersion(run.runId(), t.tableName());
        }
        out.put(t.tableName(), v);
      }
      return new Pinned(out, run, null);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (Tables t : EXPORTED) {
      Long want = requested.getOrDefault(t.tableName(), requested.get("*"));
      long max = latest.get(t.tableName());
      long v = want == null ? max : want;
      if (v < 0 || v > max) {
        throw MsetlErrors.tableVersionMissing(t.tableName(), v, max);
      }
      out.put(t.tableName(), v);
    }
    return new Pinned(out, BuildRun.forVersions(store, out), null);
  }

  private static Map<String, Long> parse(String spec) {
    Map<String, Long> m = new LinkedHashMap<>();
    if (spec.isEmpty() || spec.equalsIgnoreCase("latest")) {
      return m;
    }
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      String name = kv.length == 2 ? kv[0].trim() : "*";
      String num = (kv.length == 2 ? kv[1] : kv[0]).trim();
      if (!name.equals("*") && EXPORTED.stream().noneMatch(t -> t.tableName().equals(name))) {
        throw MsetlErrors.unknownTable("table-version", name);
      }
      try {
        m.put(name, Long.parseLong(num));
      } catch (NumberFormatException e) {
        throw MsetlErrors.badTableVersions("table-version", spec);
      }
    }
    return m;
  }
}
