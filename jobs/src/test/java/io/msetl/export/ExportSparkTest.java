package io.msetl.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.cli.Msetl;
import io.msetl.export.lightdb.LightDbShardFormat;
import io.msetl.export.lightdb.LightDbShardReader;
import io.msetl.export.sqlite.ShardSample;
import io.msetl.export.sqlite.SqliteShardReader;
import io.msetl.lightdb.LightDb;
import io.msetl.spark.SparkSessions;
import io.msetl.tables.TableFormat;
import io.msetl.tables.TableStore;
import io.msetl.tables.TableStores;
import io.msetl.tables.Tables;
import io.msetl.verify.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("spark")
class ExportSparkTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static Path tables;

  /** Version 0 of the tables. */
  static final Fixture OLD = new Fixture(15, 5, 3);

  /** Version 1 (latest). */
  static final Fixture NEW = new Fixture(24, 7, 0);

  /** The export of the latest tables, 4 samples per shard, shared by the read-only tests. */
  static Exporter.Result main;

  @BeforeAll
  static void writeTwoVersionsOfTheTables() {
    spark =
        SparkSessions.start(
            "export-test",
            "local[2]",
            Map.of(
                "spark.sql.shuffle.partitions",
                "2",
                // Delta replays its log with 50 tasks by default: far too many for tables of a few
                // rows.
                "spark.databricks.delta.snapshotPartitions",
                "2"));
    tables = tmp.resolve("tables");
    TableStore store = TableStores.open(spark, TableFormat.DELTA, tables.toString());
    for (Fixture f : List.of(OLD, NEW)) {
      store.overwrite(
          Tables.COMPOUNDS, spark.createDataFrame(f.compounds, Tables.COMPOUNDS.schema()));
      store.overwrite(Tables.SPECTRA, spark.createDataFrame(f.spectra, Tables.SPECTRA.schema()));
      store.overwrite(
          Tables.GRAPH_FEATURES, spark.createDataFrame(f.graphs, Tables.GRAPH_FEATURES.schema()));
      store.overwrite(
          Tables.DATASET_SPLITS, spark.createDataFrame(f.splits, Tables.DATASET_SPLITS.schema()));
    }
    store.append(Tables.RUNS, spark.createDataFrame(NEW.runs, Tables.RUNS.schema()));
    try {
      main = export(options(tmp.resolve("main"), "latest", 4));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ExportOptions options(Path out, String version, long rows) {
    return new ExportOptions(
        tables.toString(),
        TableFormat.DELTA,
        version,
        out.toUri().toString(),
        rows,
        0,
        List.of("both"),
        List.of("train", "val", "test"));
  }

  static Exporter.Result export(ExportOptions o) throws Exception {
    return new Exporter(spark, m -> {}).run(o);
  }

  static Path local(Exporter.Result r) {
    return Path.of(java.net.URI.create(r.exportDir()));
  }

  @Test
  void everySampleOfEverySplitReadsBackEqualToTheTablesInShardsOfTheRequestedSize()
      throws Exception {
    Exporter.Result r = main;
    Manifest m = r.manifest();
    assertEquals(
        Map.of("compounds", 1L, "spectra", 1L, "graph_features", 1L, "dataset_splits", 1L),
        m.tableVersions());
    for (String split : List.of("train", "val", "test")) {
      List<ExportSample> expected = NEW.samples(split);
      Manifest.SplitSummary summary = m.splits().get(split);
      assertEquals(expected.size(), summary.samples(), split);
      assertEquals((expected.size() + 3) / 4, summary.shards(), split);
      assertEquals(
          List.of(".dat", ".ldb", ".sqlite"),
          m.files().stream()
              .filter(f -> f.split().equals(split) && f.shardIndex() == 0)
              .map(f -> f.path().substring(f.path().indexOf('.')))
              .sorted()
              .toList(),
          "every shard in both formats");
      List<ShardSample> read = new ArrayList<>();
      List<ShardSample> readLightDb = new ArrayList<>();
      for (ShardFile f : m.files().stream().filter(f -> f.split().equals(split)).toList()) {
        assertTrue(f.rows() <= 4);
        Path file = local(r).resolve(f.path());
        if (f.format().equals("sqlite")) {
          try (SqliteShardReader reader = new SqliteShardReader(file)) {
            read.addAll(reader.all());
          }
        } else if (LightDbShardFormat.role(f.path()).equals("index")) {
          Path dat = file.resolveSibling(file.getFileName().toString().replace(".ldb", ".dat"));
          try (LightDbShardReader reader = new LightDbShardReader(file, dat)) {
            assertTrue(reader.verify().ok(), reader.verify().problems().toString());
            readLightDb.addAll(reader.all());
          }
        } else if (LightDbShardFormat.role(f.path()).equals("spectra")) {
          try (LightDb db = LightDb.openReadOnly(file)) {
            assertTrue(db.verify().ok(), f.path() + ": " + db.verify().problems());
            assertEquals(f.rows(), db.recordCount());
          }
        }
      }
      assertEquals(expected.size(), read.size());
      assertEquals(expected.size(), readLightDb.size());
      for (int i = 0; i < read.size(); i++) {
        ShardSample a = read.get(i);
        ShardSample b = readLightDb.get(i);
        assertEquals(a.sampleIndex(), b.sampleIndex());
        assertEquals(a.compoundId(), b.compoundId());
        assertEquals(a.structureKey(), b.structureKey());
        assertArrayEquals(a.spectrum(), b.spectrum());
        assertArrayEquals(a.nodeFeatures(), b.nodeFeatures());
        assertArrayEquals(a.edgeIndex(), b.edgeIndex());
        assertArrayEquals(a.edgeAttr(), b.edgeAttr());
        assertArrayEquals(a.coords(), b.coords());
        assertEquals(a.conformerStatus(), b.conformerStatus());
      }
      for (int i = 0; i < read.size(); i++) {
        ShardSample s = read.get(i);
        ExportSample e = expected.get(i);
        assertEquals(i, s.sampleIndex());
        assertEquals(e.compoundId(), s.compoundId());
        assertEquals(split, s.split());
        assertArrayEquals(floats(e.spectrum(), "normalized_spectrum"), s.spectrum());
        assertArrayEquals(floats(e.graph(), "node_features"), s.nodeFeatures());
        assertArrayEquals(floats(e.graph(), "edge_attr"), s.edgeAttr());
        assertArrayEquals(
            e.graph().getList(e.graph().fieldIndex("edge_index")).stream()
                .mapToLong(o -> ((Number) o).longValue())
                .toArray(),
            s.edgeIndex());
      }
    }
    String missingSplit =
        NEW.compounds.stream()
            .filter(c -> c.getAs("id").equals(NEW.withoutSpectrum))
            .map(c -> c.<String>getAs("split"))
            .findFirst()
            .orElseThrow();
    assertEquals(Map.of("SPECTRUM_MISSING", 1L), m.splits().get(missingSplit).excluded());
    assertEquals(
        io.msetl.featurize.FeatureSchema.VERSION,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(m.featureSchema())
            .path("feature_schema_version")
            .asText());
    assertEquals("2020.09.1", m.versions().get("RDKit"));
  }

  @Test
  void aPinnedTableVersionExportsThatVersionsRows() throws Exception {
    Exporter.Result r = export(options(tmp.resolve("pinned"), "0", 100));
    assertEquals(OLD.samples("train").size(), r.manifest().splits().get("train").samples());
    assertTrue(r.exportId().startsWith("v0-"), r.exportId());
    try (SqliteShardReader reader =
        new SqliteShardReader(local(r).resolve("train/train-00000-of-00001.sqlite"))) {
      assertEquals(OLD.samples("train").get(0).compoundId(), reader.sample(0).compoundId());
    }
  }

  @Test
  void theSameVersionAndOptionsGiveByteIdenticalShardsAndARerunIsANoOp() throws Exception {
    Exporter.Result a = main;
    Exporter.Result b = export(options(tmp.resolve("det-b"), "latest", 4));
    assertEquals(a.exportId(), b.exportId());
    assertEquals(a.manifest().files(), b.manifest().files());
    for (ShardFile f : a.manifest().files()) {
      assertArrayEquals(
          Files.readAllBytes(local(a).resolve(f.path())),
          Files.readAllBytes(local(b).resolve(f.path())));
    }
    assertEquals(
        Files.readString(local(a).resolve("manifest.json")),
        Files.readString(local(b).resolve("manifest.json")));
    long before = Files.getLastModifiedTime(local(a).resolve("manifest.json")).toMillis();
    Exporter.Result again = export(options(tmp.resolve("main"), "latest", 4));
    assertTrue(again.alreadyPublished());
    assertEquals(a.exportId(), again.exportId());
    assertEquals(before, Files.getLastModifiedTime(local(a).resolve("manifest.json")).toMillis());
  }

  @Test
  void verifyPassesOnAnExportAndNamesTheShardSomeoneChanged() throws Exception {
    Verifier v =
        new Verifier(spark, new HadoopConf(spark.sparkContext().hadoopConfiguration()), m -> {});
    Verifier.Report ok = v.verify(tmp.resolve("main").toString(), null, 3);
    assertTrue(ok.ok(), ok.problems().toString());
    assertEquals(main.manifest().files().size(), ok.filesChecked());
    assertTrue(ok.samplesCompared() >= main.manifest().files().size());

    Path copy = copyExport(tmp.resolve("tampered"));
    String victim =
        main.manifest().files().stream()
            .filter(f -> f.split().equals("val"))
            .findFirst()
            .orElseThrow()
            .path();
    byte[] bytes = Files.readAllBytes(copy.resolve(victim));
    bytes[bytes.length - 10] ^= 0x5a;
    Files.write(copy.resolve(victim), bytes);
    Verifier.Report bad = v.verify(copy.toString(), null, 3);
    assertFalse(bad.ok());
    assertTrue(
        bad.problems().stream().anyMatch(p -> p.startsWith(victim + ": sha256")),
        bad.problems().toString());
  }

  @Test
  void verifyFilesOnlyRefusesAManifestOrShardOfAnotherFormatVersion() throws Exception {
    Verifier v =
        new Verifier(null, new HadoopConf(spark.sparkContext().hadoopConfiguration()), m -> {});
    Path copy = copyExport(tmp.resolve("other-version"));
    Path manifest = copy.resolve(Publisher.MANIFEST);
    String text = Files.readString(manifest);
    Files.writeString(
        manifest,
        text.replace(
            "\"format_version\" : " + Manifest.FORMAT_VERSION,
            "\"format_version\" : " + (Manifest.FORMAT_VERSION + 1)));
    Verifier.Report bad = v.verify(copy.toString(), null, 1);
    assertEquals(
        List.of(
            "manifest.json: format_version "
                + (Manifest.FORMAT_VERSION + 1)
                + ", this msetl reads "
                + Manifest.FORMAT_VERSION
                + " (re-export with this version)"),
        bad.problems());

    Path other = copyExport(tmp.resolve("other-schema"));
    Path om = other.resolve(Publisher.MANIFEST);
    Files.writeString(
        om,
        Files.readString(om)
            .replace(
                "\"feature_schema_version\" : \"" + io.msetl.featurize.FeatureSchema.VERSION,
                "\"feature_schema_version\" : \"0.0.1"));
    Verifier.Report schema = v.verify(other.toString(), null, 1);
    assertFalse(schema.ok());
    assertTrue(
        schema.problems().stream()
            .allMatch(p -> p.contains("feature_schema_version") && p.contains("0.0.1")),
        schema.problems().toString());
  }

  @Test
  void theCliExportsVerifiesAndRejectsAnUnavailableFormatInOneLine() throws Exception {
    Path out = tmp.resolve("cli");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code =
        Msetl.run(
            new String[] {
              "export",
              "--tables",
              tables.toString(),
              "--out",
              out.toString(),
              "--shard-bytes",
              "4k",
              "--splits",
              "val"
            },
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8));
    assertEquals(0, code, e.toString(StandardCharsets.UTF_8));
    String id = Files.readString(out.resolve("latest")).trim();
    assertTrue(o.toString(StandardCharsets.UTF_8).trim().endsWith(id));

    o.reset();
    code =
        Msetl.run(
            new String[] {"verify", "--files-only", out.toString()},
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8));
    assertEquals(0, code, o.toString(StandardCharsets.UTF_8));
    assertTrue(
        o.toString(StandardCharsets.UTF_8).startsWith("OK "), o.toString(StandardCharsets.UTF_8));

    e.reset();
    code =
        Msetl.run(
            new String[] {
              "export",
              "--tables",
              tables.toString(),
              "--out",
              out.toString(),
              "--shard-format",
              "parquet"
            },
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertEquals(
        "msetl export: error: unknown shard format 'parquet' (use sqlite, lightdb or both)",
        e.toString(StandardCharsets.UTF_8).trim());
  }

  @Test
  void verifyRunsTheLightDbVerifierAndReportsAnIndexWhoseKeysAreOutOfOrder() throws Exception {
    Verifier v =
        new Verifier(null, new HadoopConf(spark.sparkContext().hadoopConfiguration()), m -> {});
    Path copy = copyExport(tmp.resolve("tampered-ldb"));
    String victim =
        main.manifest().files().stream()
            .filter(
                f ->
                    f.split().equals("train")
                        && f.format().equals("lightdb")
                        && LightDbShardFormat.role(f.path()).equals("index"))
            .findFirst()
            .orElseThrow()
            .path();
    Path file = copy.resolve(victim);
    int page;
    try (LightDb db = LightDb.openReadOnly(file)) {
      page = db.schema().pageByteSize();
    }
    byte[] bytes = Files.readAllBytes(file);
    // Block 1 is the first leaf (reference numbering); its item 0 key sits after the 32-byte page
    // header and the item's 8-byte child pointer. A huge key there breaks the key order.
    java.nio.ByteBuffer.wrap(bytes)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putLong(page + 32 + 8, Long.MAX_VALUE);
    Files.write(file, bytes);
    Verifier.Report bad = v.verify(copy.toString(), null, 2);
    assertTrue(
        bad.problems().stream().anyMatch(p -> p.startsWith(victim + ": sha256")),
        bad.problems().toString());
    assertTrue(
        bad.problems().stream().anyMatch(p -> p.startsWith(victim + ": LightDB verify says")),
        bad.problems().toString());
  }

  @Test
  void killingAnExportBeforePublicationLeavesLatestOnThePreviousExportAndTheRerunFinishes()
      throws Exception {
    Path out = tmp.resolve("crash");
    copyExport(out.resolve(main.exportId()));
    Files.writeString(out.resolve("latest"), main.exportId() + "\n");
    Exporter.Result first = main;
    Path marker = tmp.resolve("staged.marker");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-")
                    || a.startsWith("-XX:+IgnoreUnrecognized")
                    || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dio.netty"))
        .forEach(cmd::add);
    cmd.addAll(
        List.of(
            "-Xmx1g",
            "-Dspark.sql.shuffle.partitions=2",
            "-Dspark.databricks.delta.snapshotPartitions=2",
            "-D" + ExportHooks.PAUSE_BEFORE_PUBLISH + "=" + marker,
            "-cp",
            System.getProperty("java.class.path"),
            "io.msetl.cli.Msetl",
            "export",
            "--tables",
            tables.toString(),
            "--out",
            out.toString(),
            "--shard-rows",
            "3",
            "--splits",
            "val,test"));
    Process child =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    try {
      long deadline = System.currentTimeMillis() + 240_000;
      while (!Files.exists(marker) && child.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      assertTrue(
          Files.exists(marker),
          "child never reached the publish point: " + Files.readString(tmp.resolve("child.log")));
    } finally {
      child.destroyForcibly().waitFor();
    }
    assertEquals(137, child.exitValue(), "killed by SIGKILL");
    assertEquals(first.exportId() + "\n", Files.readString(out.resolve("latest")));
    try (Stream<Path> s = Files.list(out)) {
      List<String> visible =
          s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
      assertEquals(List.of("latest", first.exportId()), visible);
    }

    Exporter.Result rerun =
        export(
            new ExportOptions(
                tables.toString(),
                TableFormat.DELTA,
                "latest",
                out.toString(),
                3,
                0,
                List.of("sqlite"),
                List.of("val", "test")));
    assertFalse(rerun.alreadyPublished());
    assertEquals(rerun.exportId() + "\n", Files.readString(out.resolve("latest")));
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(
          List.of(),
          s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".tmp-")).toList(),
          "the killed run's staging folder is gone");
    }
  }

  @Test
  void thePythonReadersReadTheShardsTheJavaExporterWrote() throws Exception {
    Map<String, Object> expected = new java.util.TreeMap<>();
    for (String split : List.of("train", "val", "test")) {
      List<Map<String, Object>> rows = new ArrayList<>();
      List<ExportSample> samples = NEW.samples(split);
      for (int i = 0; i < samples.size(); i++) {
        ExportSample e = samples.get(i);
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("sample_index", i);
        m.put("compound_id", e.compoundId());
        m.put("spectrum", e.spectrum().getList(e.spectrum().fieldIndex("normalized_spectrum")));
        for (String column : ShardSample.Conditions.COLUMNS) {
          m.put(column, e.spectrum().getAs(column));
        }
        m.put("conformer_status", e.graph().getAs("conformer_status"));
        m.put("num_atoms", e.graph().getAs("num_atoms"));
        m.put("node_feature_width", e.graph().getAs("node_feature_width"));
        m.put("node_features", e.graph().getList(e.graph().fieldIndex("node_features")));
        m.put("edge_index", e.graph().getList(e.graph().fieldIndex("edge_index")));
        m.put("edge_attr", e.graph().getList(e.graph().fieldIndex("edge_attr")));
        m.put(
            "coords",
            e.graph().isNullAt(e.graph().fieldIndex("coords"))
                ? null
                : e.graph().getList(e.graph().fieldIndex("coords")));
        rows.add(m);
      }
      expected.put(split, rows);
    }
    Path expectedFile = tmp.resolve("expected.json");
    Files.writeString(
        expectedFile,
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(expected));
    Path root = Path.of("").toAbsolutePath().getParent();
    ProcessBuilder pb =
        new ProcessBuilder(python(), "-m", "unittest", "discover", "-v", "-s", "notebooks/tests")
            .directory(root.toFile())
            .redirectErrorStream(true);
    pb.environment().put("MSETL_TEST_EXPORT", local(main).toString());
    pb.environment().put("MSETL_TEST_EXPECTED", expectedFile.toString());
    pb.environment().put("MSETL_REQUIRE_EXPORT", "1");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    assertTrue(
        output.contains("test_every_sample_equals_the_tables (test_java_export.JavaExportTest"),
        output);
    assertTrue(
        output.contains(
            "test_every_lightdb_sample_equals_the_tables (test_java_export.JavaLightDbExportTest"),
        output);
    assertFalse(
        output.contains("test_every_lightdb_sample_equals_the_tables) ... skipped"), output);
    assertFalse(
        output.contains(
            "test_every_sample_equals_the_tables (test_java_export.JavaExportTest."
                + "test_every_sample_equals_the_tables) ... skipped"),
        output);
  }

  @Test
  void theNotebooksRunHeadlessOnTheExportAndSaveEveryFigure() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    Path nbconvert = Path.of("/usr/bin/jupyter-nbconvert");
    assertTrue(
        Files.isExecutable(nbconvert),
        "the notebook run needs Debian's jupyter-nbconvert (.ci/run installs it)");
    Path figures = tmp.resolve("figures");
    Path executed = tmp.resolve("executed-notebooks");
    List<String> notebooks =
        List.of(
            "01_read_shards.ipynb",
            "02_explore_build.ipynb",
            "03_train_side_loading.ipynb",
            "04_train_tiny_model.ipynb");
    List<String> command = new ArrayList<>(List.of(nbconvert.toString(), "--to", "notebook"));
    command.addAll(
        List.of(
            "--execute", "--ExecutePreprocessor.timeout=120", "--output-dir", executed.toString()));
    notebooks.forEach(n -> command.add("notebooks/" + n));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
    // Debian's kernel and packages first (a pyenv python3 on PATH has no ipykernel or torch).
    pb.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
    pb.environment().put("MSETL_EXPORTS", local(main).toString());
    pb.environment().put("MSETL_FIGURES", figures.toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    for (String figure :
        List.of(
            "rejects.png",
            "split_sizes.png",
            "molecule_sizes_and_conformers.png",
            "spectra_and_molecules.png",
            "loading_throughput.png",
            "loss_curve.png")) {
      Path png = figures.resolve(figure);
      assertTrue(Files.isRegularFile(png), figure + " was not saved\n" + output);
      byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
      assertArrayEquals(
          new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, figure);
      assertTrue(Files.size(png) > 1000, figure + " is nearly empty");
    }
    for (String n : notebooks) {
      assertTrue(Files.isRegularFile(executed.resolve(n)), n + " did not run\n" + output);
    }
  }

  /**
   * Debian's interpreter when there is one: python3-numpy, python3-torch and the notebook packages
   * that .ci/run installs are importable only from it (MSETL_PYTHON overrides).
   */
  static String python() {
    String env = System.getenv("MSETL_PYTHON");
    if (env != null && !env.isBlank()) {
      return env;
    }
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  static Path copyExport(Path target) throws java.io.IOException {
    Path source = local(main);
    try (Stream<Path> s = Files.walk(source)) {
      for (Path p : s.toList()) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  static float[] floats(Row r, String column) {
    List<Object> l = r.getList(r.fieldIndex(column));
    float[] out = new float[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) l.get(i)).floatValue();
    }
    return out;
  }
}
