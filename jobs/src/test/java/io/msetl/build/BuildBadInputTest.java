package io.msetl.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gives one line naming the problem and a non-zero exit, without a stack trace, and
 * leaves whatever is already in the output folder exactly as it was.
 */
@Tag("spark")
class BuildBadInputTest {

  @TempDir Path tmp;
  private Path out;
  private Map<String, String> before;

  @BeforeEach
  void anOutputFolderWithEarlierResults() throws IOException {
    out = tmp.resolve("out");
    Files.createDirectories(out.resolve("compounds/_delta_log"));
    Files.writeString(
        out.resolve("compounds/_delta_log/00000000000000000000.json"), "{\"earlier\":\"build\"}");
    Files.writeString(out.resolve("notes.txt"), "do not touch");
    before = snapshot(out);
  }

  @Test
  void aNonexistentInputIsNamed() throws IOException {
    CliRun r =
        CliRun.of(
            "build",
            "--input",
            tmp.resolve("no-such-library.msp").toString(),
            "--out",
            out.toString());
    assertOneLineError(r, 2, "no-such-library.msp");
    assertEquals(before, snapshot(out));
  }

  @Test
  void anEmptyMspIsRefusedAndOnlyItsFailedRunIsRecorded() throws IOException {
    Path empty = Files.createFile(tmp.resolve("empty.msp"));
    CliRun r = CliRun.of("build", "--input", empty.toString(), "--out", out.toString());
    assertOneLineError(r, 1, "no records found in");
    assertEarlierFilesUntouched();
    assertEquals(
        java.util.Set.of(),
        newFilesOutside("runs"),
        "only the runs table is new: no rejects to keep");
  }

  @Test
  void aFolderWithoutMolFilesIsExplainedAndItsRejectsAreKeptBesideTheTables() throws IOException {
    Path lib = Files.createDirectories(tmp.resolve("lib"));
    Files.copy(home().resolve("data/sample/library.msp"), lib.resolve("library.msp"));
    CliRun r = CliRun.of("build", "--input", lib.toString(), "--out", out.toString());
    assertOneLineError(r, 1, "MISSING_STRUCTURE");
    assertTrue(r.errLines().contains("no MOL folder?"), r.errLines());
    assertTrue(r.errLines().contains("rejects are in "), r.errLines());
    assertEarlierFilesUntouched();
    org.apache.spark.sql.SparkSession spark =
        io.msetl.spark.SparkSessions.start("bad-input-test", "local[1]", Map.of());
    try {
      var runs =
          io.msetl.tables.TableStores.open(spark, io.msetl.tables.TableFormat.DELTA, out.toString())
              .read(io.msetl.tables.Tables.RUNS)
              .collectAsList();
      assertEquals(1, runs.size());
      assertEquals("FAILED", runs.get(0).getAs("outcome"));
      assertTrue(((String) runs.get(0).getAs("error")).contains("MISSING_STRUCTURE"));
      try (Stream<Path> reports = Files.list(out.resolve("_reports"))) {
        Path rejects = reports.filter(p -> p.toString().endsWith("-rejects")).findFirst().get();
        long records =
            Files.readString(home().resolve("data/sample/library.msp"))
                .lines()
                .filter(l -> l.startsWith("Name:"))
                .count();
        assertEquals(records, spark.read().parquet(rejects.toString()).count(), "every record");
      }
    } finally {
      spark.stop();
    }
  }

  /** What was in the output folder before is still there, byte for byte. */
  private void assertEarlierFilesUntouched() throws IOException {
    Map<String, String> now = snapshot(out);
    for (var e : before.entrySet()) {
      assertEquals(e.getValue(), now.get(e.getKey()), e.getKey() + " is untouched");
    }
  }

  private java.util.Set<String> newFilesOutside(String runsFolder) throws IOException {
    java.util.Set<String> added = new java.util.TreeSet<>(snapshot(out).keySet());
    added.removeAll(before.keySet());
    added.removeIf(k -> k.equals(runsFolder) || k.startsWith(runsFolder + "/"));
    return added;
  }

  @Test
  void anUnwritableOutputFolderIsNamedBeforeAnyWork() throws IOException {
    // A path below a regular file cannot be created, not even by root.
    Path blocker = Files.writeString(tmp.resolve("a-file"), "x");
    CliRun r = CliRun.of("build", "--out", blocker.resolve("tables").toString());
    assertOneLineError(r, 2, "cannot write to output folder");
    assertFalse(r.err().contains("starting Spark"), "fails before Spark starts");
  }

  @Test
  void anUnknownOptionLeavesTheOutputAlone() throws IOException {
    CliRun r = CliRun.of("build", "--out", out.toString(), "--formt", "parquet");
    assertOneLineError(r, 2, "unknown option --formt");
    assertEquals(before, snapshot(out));
  }

  @Test
  void aBadOptionValueNamesTheChoices() {
    CliRun r = CliRun.of("build", "--table-format", "orc", "--out", out.toString());
    assertOneLineError(r, 2, "unknown table format 'orc' (use delta or parquet)");
  }

  private static void assertOneLineError(CliRun r, int code, String mentions) {
    assertEquals(code, r.exitCode(), r.err());
    String lines = r.errLines().replace("(run with --verbose for the stack trace)\n", "");
    assertEquals(1, lines.lines().count(), "exactly one error line, got:\n" + r.err());
    assertTrue(lines.startsWith("msetl build: error: "), lines);
    assertTrue(lines.contains(mentions), lines);
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose:\n" + r.err());
  }

  static Path home() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.exists(p.resolve("data/sample/library.msp"))) {
      p = p.getParent();
    }
    return p;
  }

  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        m.put(
            root.relativize(f).toString(),
            Files.isRegularFile(f)
                ? new String(Files.readAllBytes(f), StandardCharsets.UTF_8)
                : "<dir>");
      }
    }
    return m;
  }
}
