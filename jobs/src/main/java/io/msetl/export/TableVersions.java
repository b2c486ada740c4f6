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

  static Map<String, Long> resolve(TableStore store, String spec) {
    Map<String, Long> requested = parse(spec == null ? "latest" : spec.trim());
    Map<String, Long> out = new LinkedHashMap<>();
    for (Tables t : EXPORTED) {
      OptionalLong latest = store.latestVersion(t);
      if (latest.isEmpty()) {
        throw MsetlErrors.tableMissing(t.tableName(), store.root());
      }
      Long want = requested.getOrDefault(t.tableName(), requested.get("*"));
      long v = want == null ? latest.getAsLong() : want;
      if (v < 0 || v > latest.getAsLong()) {
        throw MsetlErrors.tableVersionMissing(t.tableName(), v, latest.getAsLong());
      }
      out.put(t.tableName(), v);
    }
    return out;
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
