package io.msetl.build;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.cli.CliRun;
import io.msetl.spark.SparkSessions;
import io.msetl.tables.TableFormat;
import io.msetl.tables.TableStore;
import io.msetl.tables.TableStores;
import io.msetl.tables.Tables;
import io.msetl.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./msetl build} on the bundled sample, end to end in local mode, checked table by table.
 */
@Tag("spark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildSampleTest {

  // Problem cases of data/sample (see data/sample/README.md).
  private static final String UNREADABLE_MOL = "1";
  private static final String CHARGED = "2";
  private static final String LARGE = "3";
  private static final String MISSING_MOL = "62";
  private static final String ZERO_PEAKS = "63";
  private static final List<String> SALT = List.of("108", "109", "110");
  private static final List<String> REPLICATES = List.of("111", "112", "113", "114");

  @TempDir static Path tmp;
  private Path home;
  private CliRun deltaRun;
  private CliRun parquetRun;
  private SparkSession spark;
  private TableStore delta;

  @BeforeAll
  void buildTheSample() {
    home = BuildBadInputTest.home();
    deltaRun =
        CliRun.of(
            "build",
            "--input",
            home.resolve("data/sample").toString(),
            "--out",
            tmp.resolve("delta").toString());
    assertEquals(0, deltaRun.exitCode(), deltaRun.err());
    // Both builds run before this test's own session starts: a build stops the session it used.
    parquetRun =
        CliRun.of(
            "build",
            "--input",
            home.resolve("data/sample").toString(),
            "--out",
            tmp.resolve("parquet").toString(),
            "--table-format",
            "parquet");
    assertEquals(0, parquetRun.exitCode(), parquetRun.err());
    spark = SparkSessions.start("build-sample-test", "local[2]", Map.of());
    delta = TableStores.open(spark, TableFormat.DELTA, tmp.resolve("delta").toString());
  }

  @AfterAll
  void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void writesTheSixTables() {
    for (Tables t : Tables.values()) {
      assertTrue(delta.exists(t), t.tableName() + " exists as a Delta table");
      assertEquals(
          t.columnNames(),
          List.of(delta.read(t).columns()).stream()
              .filter(c -> t.columnNames().contains(c))
              .toList(),
          t.tableName() + " has the contract's columns");
    }
  }

  @Test
  void everySampleRecordIsInTheTablesOrInRejects() throws IOException {
    Set<String> sampleIds = sampleIds();
    Set<String> compounds = strings(delta.read(Tables.COMPOUNDS).select("id"));
    Set<String> rejected = strings(delta.read(Tables.REJECTS).select("record_id"));
    Set<String> seen = new TreeSet<>(compounds);
    seen.addAll(rejected);
    assertEquals(sampleIds, seen);
    assertTrue(
        compounds.stream().noneMatch(rejected::contains),
        "a record is either accepted or rejected");
    assertEquals(compounds, strings(delta.read(Tables.SPECTRA).select("compound_id")));
    assertEquals(compounds, strings(delta.read(Tables.DATASET_SPLITS).select("compound_id")));
  }

  @Test
  void theKnownProblemRecordsAreTheRejects() {
    Map<String, String> reasons = new HashMap<>();
    for (Row r : delta.read(Tables.REJECTS).collectAsList()) {
      reasons.put(r.getAs("record_id"), r.getAs("stage") + "/" + r.getAs("reason"));
    }
    assertEquals(
        Map.of(
            UNREADABLE_MOL, "featurize/SANITIZE_FAILED",
            MISSING_MOL, "ingest/MISSING_STRUCTURE",
            ZERO_PEAKS, "ingest/NO_PEAKS"),
        reasons);
  }

  @Test
  void saltsKeepTheirLargestOrganicFragmentAndSaySo() {
    for (String id : SALT) {
      Row c = compound(id);
      assertTrue(c.<Boolean>getAs("fragments_stripped"), id);
      assertEquals(2, (int) c.getAs("fragment_count"), id);
    }
    assertEquals("C16H36N+", compound("108").getAs("formula"));
    // Metformin, as RDKit 2020.09 (the pinned rdkit-jupyter build) writes it canonically.
    assertEquals("CN(C)C(=N)NC(=N)N", compound("110").getAs("canonical_smiles"));
  }

  @Test
  void chargedAndLargeMoleculesAreKeptWithTheirProperties() {
    assertEquals(1, (int) compound(CHARGED).getAs("formal_charge"));
    assertEquals(96, (int) compound(LARGE).getAs("heavy_atoms"));
    Row g = graph(compound(LARGE).getAs("structure_key"));
    assertEquals(96, (int) g.getAs("num_atoms"));
  }

  @Test
  void replicateSpectraShareOneFeaturizedStructureAndOneSplit() {
    Set<String> keys =
        REPLICATES.stream()
            .map(id -> (String) compound(id).getAs("structure_key"))
            .collect(Collectors.toSet());
    assertEquals(1, keys.size());
    assertEquals(
        1,
        delta
            .read(Tables.GRAPH_FEATURES)
            .where(col("structure_key").equalTo(keys.iterator().next()))
            .count());
    Set<String> splits =
        REPLICATES.stream()
            .map(id -> (String) compound(id).getAs("split"))
            .collect(Collectors.toSet());
    assertEquals(1, splits.size());
    long distinct = delta.read(Tables.COMPOUNDS).select("structure_key").distinct().count();
    assertEquals(
        distinct,
        delta.read(Tables.GRAPH_FEATURES).count(),
        "one graph row per distinct structure");
  }

  @Test
  void graphArraysHaveTheShapesTheirCountsSay() {
    for (Row g : delta.read(Tables.GRAPH_FEATURES).collectAsList()) {
      int n = g.getAs("num_atoms");
      int e = g.getAs("num_edges");
      assertEquals(
          n * (int) g.getAs("node_feature_width"), g.getList(g.fieldIndex("node_features")).size());
      assertEquals(2 * e, g.getList(g.fieldIndex("edge_index")).size());
      assertEquals(
          e * (int) g.getAs("edge_feature_width"), g.getList(g.fieldIndex("edge_attr")).size());
      if (!g.isNullAt(g.fieldIndex("coords"))) {
        assertEquals(3 * n, g.getList(g.fieldIndex("coords")).size());
      }
    }
  }

  @Test
  void spectraAreMaxNormalizedThousandBinVectors() {
    for (Row s : delta.read(Tables.SPECTRA).collectAsList()) {
      List<Float> v = s.getList(s.fieldIndex("normalized_spectrum"));
      assertEquals(1000, v.size());
      float max = 0;
      for (float x : v) {
        max = Math.max(max, x);
      }
      int inRange =
          s.<Integer>getAs("num_peaks")
              - s.<Integer>getAs("peaks_above_range")
              - s.<Integer>getAs("peaks_below_range");
      assertEquals(inRange > 0 ? 1.0f : 0.0f, max, 1e-6, "compound " + s.getAs("compound_id"));
    }
  }

  @Test
  void theRunIsRecordedWithCountsThatAddUp() {
    List<Row> runs = delta.read(Tables.RUNS).collectAsList();
    assertEquals(1, runs.size());
    Row run = runs.get(0);
    assertEquals("SUCCEEDED", run.getAs("outcome"));
    Map<String, Long> counts = run.getJavaMap(run.fieldIndex("counts"));
    assertEquals(142L, counts.get("input_records"));
    assertEquals(142L, counts.get("compounds") + counts.get("rejects"));
    assertTrue(((String) run.getAs("feature_schema")).contains("\"feature_schema_version\""));
  }

  @Test
  void theSummaryNamesRowsRejectsAndStageTimes() {
    String out = deltaRun.out();
    assertEquals(
        List.of("compounds", "spectra", "graph_features", "dataset_splits", "rejects", "runs"),
        firstWords(section(out, "rows per table:")),
        out);
    assertEquals(
        List.of("featurize/SANITIZE_FAILED 1", "ingest/MISSING_STRUCTURE 1", "ingest/NO_PEAKS 1"),
        section(out, "rejects per reason:").stream()
            .map(l -> l.trim().replaceAll(" +", " "))
            .sorted()
            .toList(),
        out);
    assertEquals(
        List.of("ingest", "identify", "featurize", "spectra", "write", "total"),
        firstWords(section(out, "wall time per stage:")),
        out);
  }

  /** The indented lines under a heading of the build summary, up to the next blank line. */
  private static List<String> section(String out, String heading) {
    List<String> lines = out.lines().toList();
    int at = lines.indexOf(heading);
    assertTrue(at >= 0, "no '" + heading + "' in:\n" + out);
    List<String> body = new ArrayList<>();
    for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
      body.add(lines.get(i));
    }
    return body;
  }

  private static List<String> firstWords(List<String> lines) {
    return lines.stream().map(l -> l.trim().split(" +", -1)[0]).toList();
  }

  /**
   * Independent check of the RDKit output: Debian's python3-rdkit (a different RDKit release,
   * 2022.09) reads the same MOL files; heavy atoms, bonds, formula and exact mass must agree.
   */
  @Test
  void graphFeaturesAgreeWithAnIndependentRdkit() throws Exception {
    Oracles.assumeAvailable(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3");
    List<String> ids = List.of("5", "20", "40", "70", "100", "120", "130");
    String script =
        String.join(
            "\n",
            "import sys",
            "from rdkit import Chem",
            "from rdkit.Chem.rdMolDescriptors import CalcMolFormula",
            "from rdkit.Chem.Descriptors import ExactMolWt",
            "for path in sys.argv[1:]:",
            "    m = Chem.MolFromMolFile(path)",
            "    print(m.GetNumAtoms(), m.GetNumBonds(), CalcMolFormula(m), '%.5f' % ExactMolWt(m))");
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
    ids.forEach(id -> cmd.add(home.resolve("data/sample/MOL/ID" + id + ".MOL").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String oracle = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Oracles.assumeAvailable(
        p.waitFor() == 0 || !oracle.contains("No module named 'rdkit'"),
        "python3-rdkit is not installed (apt-get install python3-rdkit)");
    assertEquals(0, p.waitFor(), oracle);
    List<String> lines = oracle.lines().toList();
    for (int i = 0; i < ids.size(); i++) {
      String[] o = lines.get(i).split(" ");
      Row c = compound(ids.get(i));
      Row g = graph(c.getAs("structure_key"));
      assertEquals(Integer.parseInt(o[0]), (int) g.getAs("num_atoms"), "atoms of " + ids.get(i));
      assertEquals(
          2 * Integer.parseInt(o[1]),
          (int) g.getAs("num_edges"),
          "directed edges of " + ids.get(i));
      assertEquals(o[2], c.getAs("formula"), "formula of " + ids.get(i));
      assertEquals(
          Double.parseDouble(o[3]),
          (double) c.getAs("exact_mass"),
          1e-4,
          "exact mass of " + ids.get(i));
    }
  }

  @Test
  void parquetOutputHoldsExactlyTheSameRowsAsDelta() {
    TableStore parquet =
        TableStores.open(spark, TableFormat.PARQUET, tmp.resolve("parquet").toString());
    for (Tables t :
        List.of(
            Tables.COMPOUNDS,
            Tables.SPECTRA,
            Tables.GRAPH_FEATURES,
            Tables.DATASET_SPLITS,
            Tables.REJECTS)) {
      List<String> a = sortedRows(delta, t);
      List<String> b = sortedRows(parquet, t);
      assertEquals(a.size(), b.size(), t.tableName());
      assertArrayEquals(
          a.toArray(), b.toArray(), t.tableName() + ": a second build gives identical rows");
    }
  }

  private List<String> sortedRows(TableStore store, Tables t) {
    return store
        .read(t)
        .select(
            t.columnNames().stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  private Row compound(String id) {
    return delta.read(Tables.COMPOUNDS).where(col("id").equalTo(id)).first();
  }

  private Row graph(String structureKey) {
    return delta
        .read(Tables.GRAPH_FEATURES)
        .where(col("structure_key").equalTo(structureKey))
        .first();
  }

  private static Set<String> strings(org.apache.spark.sql.Dataset<Row> oneColumn) {
    return oneColumn.collectAsList().stream()
        .map(r -> r.getString(0))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> sampleIds() throws IOException {
    String msp = Files.readString(home.resolve("data/sample/library.msp"));
    Matcher m = Pattern.compile("(?m)^ID: (\\S+)").matcher(msp);
    Set<String> ids = new TreeSet<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
