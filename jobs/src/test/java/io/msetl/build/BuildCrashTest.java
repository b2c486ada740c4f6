package io.msetl.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.cli.CliRun;
import io.msetl.spark.SparkSessions;
import io.msetl.tables.TableFormat;
import io.msetl.tables.TableStore;
import io.msetl.tables.TableStores;
import io.msetl.tables.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build process killed with SIGKILL — while featurizing, or between two table commits — leaves
 * readable tables, exports still see the last successful run's snapshot, and re-running the same
 * command gives the tables an uninterrupted run gives.
 */
@Tag("spark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildCrashTest {
  private static final SampleLibrary V1 = SampleLibrary.of(20, 44);
  private static final SampleLibrary V2 = V1.copy().remove(22).add(45).replaceStructure(30, 55);

  @TempDir static Path tmp;
  private Path v1;
  private Path v2;
  private Path base;
  private Map<String, List<String>> uninterrupted;

  @BeforeAll
  void buildV1AndAnUninterruptedV2() throws IOException {
    v1 = V1.writeTo(tmp.resolve("v1"));
    v2 = V2.writeTo(tmp.resolve("v2"));
    base = tmp.resolve("base");
    build(v1, base);
    Path straight = copy(base, tmp.resolve("straight"));
    build(v2, straight);
    uninterrupted = withSession(s -> TableSnapshots.of(store(s, straight)));
  }

  @Test
  void killedWhileFeaturizing() throws Exception {
    assertRerunCompletes("featurize");
  }

  @Test
  void killedBetweenTableCommits() throws Exception {
    assertRerunCompletes("committed-" + Tables.COMPOUNDS.tableName());
  }

  private void assertRerunCompletes(String point) throws Exception {
    Path tables = copy(base, tmp.resolve("killed-" + point));
    Map<String, Long> snapshotBefore = withSession(s -> lastRunVersions(store(s, tables)));
    killAt(point, v2, tables);

    withSession(
        s -> {
          TableStore st = store(s, tables);
          for (Tables t : Tables.data()) {
            assertTrue(st.read(t).count() >= 0, t.tableName() + " is readable");
          }
          assertEquals(
              snapshotBefore, lastRunVersions(st), "exports still see the last successful run");
          return null;
        });
    Path exports = tmp.resolve("exports-" + point);
    CliRun export = CliRun.of("export", "--tables", tables.toString(), "--out", exports.toString());
    assertEquals(0, export.exitCode(), export.err());
    Path manifest =
        exports
            .resolve(Files.readString(exports.resolve("latest")).trim())
            .resolve("manifest.json");
    var pinned = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
    for (String t : List.of("compounds", "spectra", "graph_features", "dataset_splits")) {
      assertEquals(
          (long) snapshotBefore.get(t),
          pinned.get("table_versions").get(t).asLong(),
          "the export pins the previous snapshot of " + t);
    }

    build(v2, tables);
    assertEquals(uninterrupted, withSession(s -> TableSnapshots.of(store(s, tables))));
  }

  /** Runs {@code msetl build} in its own JVM and SIGKILLs it when it reaches {@code point}. */
  private void killAt(String point, Path input, Path tables) throws Exception {
    Path marker = tmp.resolve("reached-" + point);
    List<String> cmd =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    // The same module opens this JVM runs Spark with.
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
            "-D" + BuildHooks.HOOK + "=" + point + ":" + marker,
            "-D" + BuildHooks.PAUSE + "=true",
            "-cp",
            System.getProperty("java.class.path"),
            "io.msetl.cli.Msetl",
            "build",
            "--input",
            input.toString(),
            "--out",
            tables.toString()));
    Path log = tmp.resolve("child-" + point + ".log");
    Process child =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.currentTimeMillis() + 300_000;
      while (!Files.exists(marker) && child.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(
          Files.exists(marker), "child never reached " + point + ": " + Files.readString(log));
    } finally {
      child.destroyForcibly().waitFor();
    }
    assertEquals(137, child.exitValue(), "killed by SIGKILL");
  }

  private static void build(Path input, Path out) {
    CliRun r = CliRun.of("build", "--input", input.toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
  }

  private static Map<String, Long> lastRunVersions(TableStore st) {
    return st.read(Tables.RUNS)
        .where("outcome = 'SUCCEEDED'")
        .orderBy(org.apache.spark.sql.functions.col("finished_at").desc())
        .first()
        .getJavaMap(st.read(Tables.RUNS).schema().fieldIndex("table_versions"));
  }

  private static TableStore store(SparkSession s, Path p) {
    return TableStores.open(s, TableFormat.DELTA, p.toString());
  }

  private static <T> T withSession(java.util.function.Function<SparkSession, T> f) {
    SparkSession s = SparkSessions.start("build-crash-test", "local[2]", Map.of());
    try {
      return f.apply(s);
    } finally {
      s.stop();
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
