package io.msetl.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import io.msetl.cli.CliRun;
import io.msetl.spark.SparkSessions;
import io.msetl.tables.TableFormat;
import io.msetl.tables.TableStore;
import io.msetl.tables.TableStores;
import io.msetl.tables.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly rebuilds on a library that changes a little: the second build costs what changed, and its
 * tables equal a fresh build of the changed library row for row.
 */
@Tag("spark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalBuildTest {
  private static final SampleLibrary V1 = SampleLibrary.of(10, 40);

  /** One record gone, one new, one spectrum edited, one structure replaced by an unseen one. */
  private static final SampleLibrary V2 =
      V1.copy().remove(12).add(41).editSpectrum(15).replaceStructure(20, 50);

  @TempDir static Path tmp;
  private Path lib;
  private Path tables;
  private Path parquet;
  private SparkSession spark;
  private JsonNode first;
  private Map<String, Long> v1Versions;
  private Map<String, List<String>> v1Rows;
  private Map<String, String> v1Splits;

  @BeforeAll
  void buildTheFirstVersion() throws IOException {
    lib = V1.writeTo(tmp.resolve("lib"));
    tables = tmp.resolve("tables");
    parquet = tmp.resolve("parquet");
    first = report(build(tables, "--table-format", "delta"));
    report(build(parquet, "--table-format", "parquet"));
    v1Versions = versions(delta());
    v1Rows = TableSnapshots.of(delta());
    v1Splits = splits(delta());
  }

  /**
   * A live session: every build stops the session it ran in (the CLI owns it), so the test opens a
   * new one whenever it looks at the tables after a build.
   */
  private SparkSession spark() {
    if (spark == null || spark.sparkContext().isStopped()) {
      spark = SparkSessions.start("incremental-build-test", "local[2]", Map.of());
    }
    return spark;
  }

  private TableStore delta() {
    return TableStores.open(spark(), TableFormat.DELTA, tables.toString());
  }

  private TableStore parquetStore() {
    return TableStores.open(spark(), TableFormat.PARQUET, parquet.toString());
  }

  @AfterAll
  void stop() {
    if (spark != null && !spark.sparkContext().isStopped()) {
      spark.stop();
    }
  }

  @Test
  @Order(1)
  void theFirstBuildFeaturizesEveryStructureAndCountsAddUp() {
    JsonNode c = first.get("counts");
    assertEquals(V1.size(), c.get("input_records").asLong());
    assertEquals(
        c.get("input_records").asLong(), c.get("compounds").asLong() + c.get("rejects").asLong());
    assertEquals(c.get("compounds").asLong(), c.get("compounds_added").asLong());
    assertEquals(
        c.get("distinct_structures").asLong(),
        c.get("structures_featurized").asLong(),
        "every structure featurized once");
  }

  @Test
  @Order(2)
  void anUnchangedRebuildFeaturizesNothingAndWritesNoTableVersion() throws IOException {
    JsonNode again = report(build(tables, "--table-format", "delta"));
    JsonNode c = again.get("counts");
    assertEquals(0, c.get("structures_featurized").asLong());
    assertEquals(0, c.get("records_recomputed").asLong() - rejectedBeforeFeaturize(first));
    assertEquals(0, c.get("compounds_added").asLong() + c.get("compounds_updated").asLong());
    assertEquals(0, c.get("compounds_deleted").asLong());
    assertEquals(v1Versions, versions(delta()), "no data table got a new Delta version");
    for (Tables t : Tables.data()) {
      long commits =
          DeltaTable.forPath(spark(), tables.resolve(t.tableName()).toString()).history().count();
      assertEquals(1, commits, t.tableName() + " has only the first build's commit");
    }
    assertEquals(v1Rows, TableSnapshots.of(delta()));
  }

  @Test
  @Order(3)
  void aChangedLibraryRecomputesOnlyWhatChangedAndEqualsAFreshBuild() throws IOException {
    V2.writeTo(replace(lib));
    JsonNode r = report(build(tables, "--table-format", "delta"));
    JsonNode c = r.get("counts");
    assertEquals(1, c.get("compounds_added").asLong(), "record 41");
    assertEquals(2, c.get("compounds_updated").asLong(), "records 15 and 20");
    assertEquals(1, c.get("compounds_deleted").asLong(), "record 12");
    assertEquals(2, c.get("structures_featurized").asLong(), "the structures of 41 and the new 20");
    assertTrue(c.get("compounds_lineage_moved").asLong() > 0, "records after 12 moved");

    Path fresh = tmp.resolve("fresh");
    report(build(fresh, "--table-format", "delta"));
    TableStore freshStore = TableStores.open(spark(), TableFormat.DELTA, fresh.toString());
    assertEquals(TableSnapshots.of(freshStore), TableSnapshots.of(delta()));
  }

  @Test
  @Order(4)
  void noCompoundMovesToAnotherSplitAcrossIncrementalRuns() {
    Map<String, String> now = splits(delta());
    Set<String> both = new HashSet<>(v1Splits.keySet());
    both.retainAll(now.keySet());
    assertEquals(V1.size() - 1 - rejectedIds(), both.size());
    for (String id : both) {
      assertEquals(v1Splits.get(id), now.get(id), "compound " + id + " kept its split");
    }
  }

  @Test
  @Order(5)
  void parquetSnapshotsAreRebuiltIncrementallyAndSwitchedByOnePointer() throws IOException {
    Map<String, List<String>> before = TableSnapshots.of(parquetStore());
    JsonNode r = report(build(parquet, "--table-format", "parquet"));
    assertEquals(2, r.get("counts").get("structures_featurized").asLong());
    assertEquals(
        TableSnapshots.of(delta()),
        TableSnapshots.of(parquetStore()),
        "same rows as the Delta build");
    assertEquals(1L, parquetStore().latestVersion(Tables.COMPOUNDS).getAsLong(), "second snapshot");
    assertEquals(
        before.get("compounds"),
        TableSnapshots.rowsAt(parquetStore(), Tables.COMPOUNDS, 0),
        "the first snapshot still reads as it was");
  }

  @Test
  @Order(6)
  void anInputThatWouldDeleteMostCompoundsStopsBeforeItsFirstCommit() throws IOException {
    Map<String, Long> before = versions(delta());
    SampleLibrary.of(10, 14).writeTo(replace(lib));
    CliRun r = CliRun.of("build", "--input", lib.toString(), "--out", tables.toString());
    assertEquals(1, r.exitCode(), r.err());
    List<String> errors = r.err().lines().filter(l -> l.startsWith("msetl build: error:")).toList();
    assertEquals(1, errors.size(), r.err());
    assertTrue(errors.get(0).contains("would delete"), errors.get(0));
    assertTrue(errors.get(0).contains("--allow-deletes"), errors.get(0));
    assertEquals(before, versions(delta()), "nothing was written");
    Row last =
        delta()
            .read(Tables.RUNS)
            .orderBy(org.apache.spark.sql.functions.col("finished_at").desc())
            .first();
    assertEquals("FAILED", last.getAs("outcome"));
    assertTrue(((String) last.getAs("error")).contains("would delete"));

    CliRun allowed =
        CliRun.of(
            "build", "--input", lib.toString(), "--out", tables.toString(), "--allow-deletes");
    assertEquals(0, allowed.exitCode(), allowed.err());
    assertTrue(delta().read(Tables.COMPOUNDS).count() <= 5);
  }

  private CliRun build(Path out, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("build", "--input", lib.toString(), "--out", out.toString()));
    args.addAll(List.of(extra));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  private static JsonNode report(CliRun r) throws IOException {
    Matcher m = Pattern.compile("(?m)^report: file:(.*)$").matcher(r.out());
    assertTrue(m.find(), r.out());
    return new ObjectMapper().readTree(Files.readString(Path.of(m.group(1).trim())));
  }

  /** Records rejected before featurizing are recomputed every run (they have no row to keep). */
  private static long rejectedBeforeFeaturize(JsonNode report) {
    return report.get("counts").get("records_parsed").asLong()
        - report.get("counts").get("compounds").asLong();
  }

  private long rejectedIds() {
    return first.get("counts").get("rejects").asLong();
  }

  private static Map<String, Long> versions(TableStore store) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Tables t : Tables.data()) {
      m.put(t.tableName(), store.latestVersion(t).orElse(-1));
    }
    return m;
  }

  private static Map<String, String> splits(TableStore store) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Row r : store.read(Tables.COMPOUNDS).select("id", "split").collectAsList()) {
      m.put(r.getString(0), r.getString(1));
    }
    return m;
  }

  private static Path replace(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return dir;
  }
}
