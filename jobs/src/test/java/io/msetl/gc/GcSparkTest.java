package io.msetl.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msetl.cli.CliRun;
import io.msetl.export.Fixture;
import io.msetl.spark.SparkSessions;
import io.msetl.tables.TableFormat;
import io.msetl.tables.TableStore;
import io.msetl.tables.TableStores;
import io.msetl.tables.Tables;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention: four table versions, three exports (of versions 0, 2 and 3), {@code latest} on the one
 * of version 2. gc keeping one export besides latest removes the export of version 0, and VACUUM
 * with no grace period removes the files only versions 0 and 1 had, while both kept exports still
 * verify and their versions still read.
 */
@Tag("spark")
class GcSparkTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static TableStore store;
  static final List<Fixture> VERSIONS =
      List.of(
          new Fixture(15, 5, 3),
          new Fixture(24, 7, 0),
          new Fixture(18, 6, 1),
          new Fixture(21, 6, 2));

  /** Commit times of versions 0..3, hours ago: VACUUM works on time, in whole hours. */
  static final double[] HOURS_AGO = {7, 6.5, 3, 2};

  @BeforeAll
  static void fourVersionsOfTheTablesHoursApart() throws Exception {
    spark =
        SparkSessions.start(
            "gc-test",
            "local[2]",
            Map.of(
                "spark.sql.shuffle.partitions", "2",
                "spark.databricks.delta.snapshotPartitions", "2"));
    Path tables = tmp.resolve("tables");
    store = TableStores.open(spark, TableFormat.DELTA, tables.toString());
    for (Fixture f : VERSIONS) {
      store.overwrite(
          Tables.COMPOUNDS, spark.createDataFrame(f.compounds, Tables.COMPOUNDS.schema()));
      store.overwrite(Tables.SPECTRA, spark.createDataFrame(f.spectra, Tables.SPECTRA.schema()));
      store.overwrite(
          Tables.GRAPH_FEATURES, spark.createDataFrame(f.graphs, Tables.GRAPH_FEATURES.schema()));
      store.overwrite(
          Tables.DATASET_SPLITS, spark.createDataFrame(f.splits, Tables.DATASET_SPLITS.schema()));
    }
    store.append(Tables.RUNS, spark.createDataFrame(VERSIONS.get(3).runs, Tables.RUNS.schema()));
    long now = System.currentTimeMillis();
    for (String table : List.of("compounds", "spectra", "graph_features", "dataset_splits")) {
      backdate(tables.resolve(table), now);
    }
    // The test JVM's Delta caches the log it just wrote: read the backdated one.
    org.apache.spark.sql.delta.DeltaLog.clearCache();
  }

  /**
   * Moves a table's history into the past, as if its four versions had been written hours apart:
   * each commit file's time (what Delta reports as the commit timestamp), the removal time of the
   * files each commit replaced, and the modification time of the files each commit added.
   */
  private static void backdate(Path table, long now) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path log = table.resolve("_delta_log");
    try (Stream<Path> crc = Files.list(log)) {
      for (Path c : crc.filter(f -> f.toString().endsWith(".crc")).toList()) {
        Files.delete(c); // checksums are optional; they would describe the old timestamps
      }
    }
    for (int v = 0; v < HOURS_AGO.length; v++) {
      long at = now - (long) (HOURS_AGO[v] * 3_600_000);
      Path commit = log.resolve(String.format("%020d.json", v));
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(commit)) {
        ObjectNode action = (ObjectNode) json.readTree(line);
        if (action.has("remove")) {
          ((ObjectNode) action.get("remove")).put("deletionTimestamp", at);
        }
        if (action.has("add")) {
          ObjectNode add = (ObjectNode) action.get("add");
          add.put("modificationTime", at - 60_000);
          Path file = table.resolve(URI.create(add.get("path").asText()).getPath());
          Files.setLastModifiedTime(file, FileTime.fromMillis(at - 60_000));
        }
        if (action.has("commitInfo")) {
          ObjectNode info = (ObjectNode) action.get("commitInfo");
          info.put("timestamp", at);
          assertFalse(info.has("inCommitTimestamp"), "commit times are file times here");
        }
        lines.add(json.writeValueAsString(action));
      }
      Files.write(commit, lines);
      Files.setLastModifiedTime(commit, FileTime.fromMillis(at));
    }
  }

  private static String export(int version) {
    CliRun r =
        CliRun.of(
            "export",
            "--tables",
            tmp.resolve("tables").toString(),
            "--table-version",
            String.valueOf(version),
            "--out",
            tmp.resolve("exports").toString(),
            "--shard-rows",
            "4");
    assertEquals(0, r.exitCode(), r.err());
    return Path.of(r.out().trim()).getFileName().toString();
  }

  @Test
  void keptExportsVerifyAndReadTheirVersionsAfterGcRemovedTheRest() throws Exception {
    String old = export(0);
    String pinned = export(2);
    String newest = export(3);
    Path exports = tmp.resolve("exports");
    Files.writeString(exports.resolve("latest"), pinned + "\n");
    Instant now = Instant.now();
    for (String id : List.of(old, pinned, newest)) {
      int age = id.equals(old) ? 3 : id.equals(pinned) ? 2 : 1;
      Files.setLastModifiedTime(
          exports.resolve(id).resolve("manifest.json"),
          FileTime.from(now.minusSeconds(3600L * age)));
    }

    CliRun gc =
        CliRun.of(
            "gc",
            "--tables",
            tmp.resolve("tables").toString(),
            "--exports",
            exports.toString(),
            "--keep-exports",
            "1",
            "--retain-hours",
            "0",
            "--clock-skew",
            "1");
    assertEquals(0, gc.exitCode(), gc.err());
    assertTrue(gc.out().contains("keep export " + pinned + " (latest)\n"), gc.out());
    assertTrue(gc.out().contains("keep export " + newest + "\n"), gc.out());
    assertTrue(
        Pattern.compile("removed export " + old + " \\([1-9][0-9,]* bytes\\)")
            .matcher(gc.out())
            .find(),
        gc.out());
    for (String table : List.of("compounds", "spectra", "graph_features", "dataset_splits")) {
      assertTrue(
          Pattern.compile(
                  "table "
                      + table
                      + ": removed [1-9][0-9]* files, [1-9][0-9,]* bytes \\(retention [0-9.]+ h,"
                      + " keeps version 2 and later for kept exports\\)")
              .matcher(gc.out())
              .find(),
          gc.out());
    }
    assertFalse(Files.exists(exports.resolve(old)), "the old export is gone");

    for (String id : List.of(pinned, newest)) {
      CliRun v = CliRun.of("verify", exports.resolve(id).toString());
      assertEquals(0, v.exitCode(), v.out() + v.err());
      assertTrue(v.out().contains(", 0 problems"), v.out());
    }
    for (int version : List.of(2, 3)) {
      Fixture f = VERSIONS.get(version);
      assertEquals(f.compounds.size(), store.readVersion(Tables.COMPOUNDS, version).count());
      assertEquals(f.spectra.size(), store.readVersion(Tables.SPECTRA, version).count());
      assertEquals(f.graphs.size(), store.readVersion(Tables.GRAPH_FEATURES, version).count());
      assertEquals(f.splits.size(), store.readVersion(Tables.DATASET_SPLITS, version).count());
    }
    // The files only version 0 read were vacuumed: its time travel fails now.
    assertThrows(Exception.class, () -> store.readVersion(Tables.COMPOUNDS, 0).collectAsList());
  }
}
