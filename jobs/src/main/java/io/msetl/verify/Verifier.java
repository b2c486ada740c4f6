package io.msetl.verify;

import static org.apache.spark.sql.functions.col;

import io.msetl.digest.Sha256;
import io.msetl.export.HadoopConf;
import io.msetl.export.Manifest;
import io.msetl.export.Publisher;
import io.msetl.export.ShardFile;
import io.msetl.export.lightdb.LightDbShardFormat;
import io.msetl.export.sqlite.ShardSample;
import io.msetl.export.sqlite.SqliteShardReader;
import io.msetl.export.sqlite.SqliteShardSchema;
import io.msetl.tables.TableFormat;
import io.msetl.tables.TableStore;
import io.msetl.tables.TableStores;
import io.msetl.tables.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Checks a published export: every file the manifest lists exists with its size and sha256, every
 * SQLite shard opens, passes {@code PRAGMA quick_check}, holds the manifest's rows under contiguous
 * sample indexes and answers the original training query; every LightDB file passes the LightDB
 * verifier with the same counts and keys (see {@link LightDbShardCheck}); and a sample of rows from
 * every shard equals the tables at the manifest's versions.
 */
public final class Verifier {
  /** What was checked and what was wrong; an export is good when {@code problems} is empty. */
  public record Report(
      String exportDir, int filesChecked, int samplesCompared, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final SparkSession spark;
  private final HadoopConf hadoop;
  private final Consumer<String> progress;

  /**
   * @param spark null to check the files only (no comparison with the tables)
   */
  public Verifier(SparkSession spark, HadoopConf hadoop, Consumer<String> progress) {
    this.spark = spark;
    this.hadoop = hadoop;
    this.progress = progress;
  }

  public Report verify(String target, String tablesOverride, int samplesPerShard)
      throws IOException {
    ExportLocation loc = new ExportLocation(hadoop, target);
    Manifest m = Manifest.fromJson(loc.read(new Path(loc.dir(), Publisher.MANIFEST)));
    List<String> problems = new ArrayList<>();
    List<ShardSample> picked = new ArrayList<>();
    Map<String, Long> rowsPerSplit = new TreeMap<>();
    Map<String, Long> ldbRowsPerSplit = new TreeMap<>();
    if (m.formatVersion() != Manifest.FORMAT_VERSION) {
      problems.add(
          "manifest.json: format_version "
              + m.formatVersion()
              + ", this msetl reads "
              + Manifest.FORMAT_VERSION
              + " (re-export with this version)");
      return new Report(loc.dir().toString(), 0, 0, problems);
    }
    String schemaVersion = featureSchemaVersion(m.featureSchema());
    LightDbShardCheck lightdb = new LightDbShardCheck(loc, problems, schemaVersion);
    for (ShardFile f : m.files()) {
      checkFile(loc, f, problems);
      if (f.format().equals("sqlite")) {
        rowsPerSplit.merge(f.split(), f.rows(), Long::sum);
        checkSqlite(loc, f, samplesPerShard, problems, picked, schemaVersion);
      } else if (f.format().equals(LightDbShardFormat.NAME)) {
        if (LightDbShardFormat.role(f.path()).equals("index")) {
          ldbRowsPerSplit.merge(f.split(), f.rows(), Long::sum);
        }
        lightdb.check(f, samplesPerShard, picked);
      }
    }
    checkSplitCounts(m, "sqlite", rowsPerSplit, problems);
    checkSplitCounts(m, LightDbShardFormat.NAME, ldbRowsPerSplit, problems);
    if (spark != null && !picked.isEmpty()) {
      String root = tablesOverride != null ? tablesOverride : m.tablesRoot();
      compareWithTables(
          TableStores.open(spark, TableFormat.parse(m.tableFormat()), root), m, picked, problems);
    }
    return new Report(
        loc.dir().toString(), m.files().size(), spark == null ? 0 : picked.size(), problems);
  }

  private static void checkSplitCounts(
      Manifest m, String format, Map<String, Long> rowsPerSplit, List<String> problems) {
    if (m.files().stream().noneMatch(f -> f.format().equals(format))) {
      return;
    }
    m.splits()
        .forEach(
            (split, s) -> {
              long inFiles = rowsPerSplit.getOrDefault(split, 0L);
              if (inFiles != s.samples()) {
                problems.add(
                    split
                        + ": manifest says "
                        + s.samples()
                        + " samples, its "
                        + format
                        + " shards hold "
                        + inFiles);
              }
            });
  }

  private void checkFile(ExportLocation loc, ShardFile f, List<String> problems)
      throws IOException {
    Path p = new Path(loc.dir(), f.path());
    if (!loc.fs().exists(p)) {
      problems.add(f.path() + ": missing");
      return;
    }
    long size = loc.fs().getFileStatus(p).getLen();
    if (size != f.bytes()) {
      problems.add(f.path() + ": " + size + " bytes, manifest says " + f.bytes());
    }
    String actual;
    try (InputStream in = loc.fs().open(p)) {
      actual = Sha256.hex(in);
    }
    if (!actual.equals(f.sha256())) {
      problems.add(f.path() + ": sha256 " + actual + ", manifest says " + f.sha256());
    }
    progress.accept("checked " + f.path());
  }

  private void checkSqlite(
      ExportLocation loc,
      ShardFile f,
      int perShard,
      List<String> problems,
      List<ShardSample> picked,
      String schemaVersion)
      throws IOException {
    Path p = new Path(loc.dir(), f.path());
    if (!loc.fs().exists(p)) {
      return;
    }
    try (SqliteShardReader r = new SqliteShardReader(loc.local(p))) {
      String quick = querySingleText(r, "PRAGMA quick_check");
      if (!"ok".equals(quick)) {
        problems.add(f.path() + ": quick_check says " + quick);
        return;
      }
      Map<String, String> meta = r.meta();
      if (!Integer.toString(SqliteShardSchema.FORMAT_VERSION).equals(meta.get("format_version"))) {
        problems.add(
            f.path()
                + ": SQLite shard format_version "
                + meta.get("format_version")
                + ", this msetl reads "
                + SqliteShardSchema.FORMAT_VERSION);
        return;
      }
      if (!java.util.Objects.equals(
          schemaVersion, featureSchemaVersion(meta.get("feature_schema")))) {
        problems.add(
            f.path()
                + ": feature_schema_version "
                + featureSchemaVersion(meta.get("feature_schema"))
                + ", the manifest's is "
                + schemaVersion);
      }
      long count = r.scalar("SELECT count(*) FROM spectra");
      long min = r.scalar("SELECT min(sample_index) FROM spectra");
      long max = r.scalar("SELECT max(sample_index) FROM spectra");
      if (count != f.rows() || !Long.toString(f.rows()).equals(meta.get("sample_count"))) {
        problems.add(
            f.path()
                + ": "
                + count
                + " rows (meta "
                + meta.get("sample_count")
                + "), manifest says "
                + f.rows());
      }
      if (count > 0 && (min != f.firstSample() || max != f.firstSample() + count - 1)) {
        problems.add(
            f.path()
                + ": sample indexes "
                + min
                + ".."
                + max
                + " are not contiguous from "
                + f.firstSample());
      }
      String firstId = querySingleText(r, "SELECT id FROM compounds ORDER BY id LIMIT 1");
      if (firstId != null && !originalQueryAnswers(r, firstId)) {
        problems.add(
            f.path() + ": the original training query returns nothing for compound " + firstId);
      }
      for (long i : pick(f.firstSample(), count, perShard)) {
        ShardSample s = r.sample(i);
        if (s == null) {
          problems.add(f.path() + ": sample " + i + " cannot be read");
        } else {
          picked.add(s);
        }
      }
    } catch (SQLException | RuntimeException e) {
      problems.add(f.path() + ": cannot read as SQLite shard: " + e.getMessage());
    }
  }

  /** The feature_schema_version of a feature_schema JSON text, or null. */
  static String featureSchemaVersion(String schema) {
    if (schema == null) {
      return null;
    }
    try {
      var v =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(schema)
              .path("feature_schema_version");
      return v.isMissingNode() || v.isNull() ? null : v.asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  private static boolean originalQueryAnswers(SqliteShardReader r, String id) throws SQLException {
    try (var ps =
        r.connection()
            .prepareStatement(
                "SELECT c.*, s.normalized_spectrum, g.node_features, g.edge_index, "
                    + "g.edge_attr FROM compounds c JOIN spectra s ON c.id = s.compound_id JOIN graph_features g "
                    + "ON c.id = g.compound_id WHERE c.id = ?")) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static String querySingleText(SqliteShardReader r, String sql) throws SQLException {
    try (var st = r.connection().createStatement();
        var rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /**
   * First, last and evenly spaced sample indexes: deterministic, so a re-verify checks the same
   * rows.
   */
  static List<Long> pick(long first, long count, int perShard) {
    TreeSet<Long> out = new TreeSet<>();
    if (count <= 0 || perShard <= 0) {
      return List.of();
    }
    int k = (int) Math.min(count, perShard);
    for (int i = 0; i < k; i++) {
      out.add(first + (k == 1 ? 0 : Math.round((double) i * (count - 1) / (k - 1))));
    }
    return new ArrayList<>(out);
  }

  private void compareWithTables(
      TableStore store, Manifest m, List<ShardSample> picked, List<String> problems) {
    List<String> ids = picked.stream().map(ShardSample::compoundId).distinct().toList();
    Dataset<Row> c =
        store
            .readVersion(Tables.COMPOUNDS, m.tableVersions().get("compounds"))
            .where(col("id").isin(ids.toArray()))
            .select(col("id"), col("structure_key"), col("split"));
    Dataset<Row> s =
        store
            .readVersion(Tables.SPECTRA, m.tableVersions().get("spectra"))
            .where(col("compound_id").isin(ids.toArray()))
            .select(
                col("compound_id"),
                col("normalized_spectrum"),
                col("precursor_mz"),
                col("precursor_type"),
                col("collision_energy"),
                col("ion_mode"),
                col("instrument_type"),
                col("spectrum_type"),
                col("instrument"));
    Dataset<Row> g =
        store.readVersion(Tables.GRAPH_FEATURES, m.tableVersions().get("graph_features"));
    List<Row> rows =
        c.join(s, c.col("id").equalTo(s.col("compound_id")))
            .join(g, c.col("structure_key").equalTo(g.col("structure_key")))
            .select(
                c.col("id"),
                c.col("split"),
                g.col("structure_key"),
                s.col("normalized_spectrum"),
                g.col("node_features"),
                g.col("edge_index"),
                g.col("edge_attr"),
                g.col("coords"),
                g.col("conformer_status"),
                s.col("precursor_mz"),
                s.col("precursor_type"),
                s.col("collision_energy"),
                s.col("ion_mode"),
                s.col("instrument_type"),
                s.col("spectrum_type"),
                s.col("instrument"))
            .collectAsList();
    Map<String, List<Row>> byId = new TreeMap<>();
    rows.forEach(r -> byId.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r));
    for (ShardSample x : picked) {
      List<Row> candidates = byId.getOrDefault(x.compoundId(), List.of());
      if (candidates.isEmpty()) {
        problems.add(
            "sample "
                + x.split()
                + "/"
                + x.sampleIndex()
                + " ("
                + x.compoundId()
                + "): not in the tables");
      } else if (candidates.stream().noneMatch(r -> sameSample(x, r))) {
        problems.add(
            "sample "
                + x.split()
                + "/"
                + x.sampleIndex()
                + " ("
                + x.compoundId()
                + "): differs from the tables");
      }
    }
    progress.accept("compared " + picked.size() + " samples with the tables");
  }

  private static boolean sameSample(ShardSample x, Row r) {
    return r.getString(1).equals(x.split())
        && r.getString(2).equals(x.structureKey())
        && Arrays.equals(floats(r.getList(3)), x.spectrum())
        && Arrays.equals(floats(r.getList(4)), x.nodeFeatures())
        && Arrays.equals(longs(r.getList(5)), x.edgeIndex())
        && Arrays.equals(floats(r.getList(6)), x.edgeAttr())
        && Arrays.equals(r.isNullAt(7) ? null : floats(r.getList(7)), x.coords())
        && r.getString(8).equals(x.conformerStatus())
        && new ShardSample.Conditions(
                r.isNullAt(9) ? null : r.getDouble(9),
                r.getString(10),
                r.getString(11),
                r.getString(12),
                r.getString(13),
                r.getString(14),
                r.getString(15))
            .sameAs(x.conditions());
  }

  private static float[] floats(List<Object> l) {
    float[] out = new float[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) l.get(i)).floatValue();
    }
    return out;
  }

  private static long[] longs(List<Object> l) {
    return l.stream().mapToLong(o -> ((Number) o).longValue()).toArray();
  }
}
