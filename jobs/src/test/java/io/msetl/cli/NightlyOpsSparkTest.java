package io.msetl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scheduler runs: {@code msetl --conf FILE nightly} with a glob input and a retention
 * policy. The file's command keys and spark.* keys are used (not the default file's), the glob
 * finds the records and their MOL folder, and gc runs last.
 */
@Tag("spark")
class NightlyOpsSparkTest {
  @TempDir Path tmp;

  @Test
  void nightlyUsesItsConfFileAppliesItsSparkKeysReadsAGlobAndRunsGc() throws Exception {
    // Spark settings such as the event log apply when a SparkContext starts: none may be running.
    while (SparkSession.getDefaultSession().isDefined()) {
      SparkSession.getDefaultSession().get().stop();
    }
    Path lib = smallLibrary(10, 24);
    Path events = Files.createDirectories(tmp.resolve("events"));
    Path conf = tmp.resolve("nightly.properties");
    Files.writeString(
        conf,
        "export.shard-rows=3\n"
            + "build.partitions=4\n"
            + "spark.eventLog.enabled=true\n"
            + "spark.eventLog.dir="
            + events.toUri()
            + "\n");
    CliRun r =
        CliRun.of(
            "--conf",
            conf.toString(),
            "nightly",
            "--input",
            lib.resolve("*.msp").toString(),
            "--tables",
            tmp.resolve("tables").toString(),
            "--exports",
            tmp.resolve("exports").toString(),
            "--keep-exports",
            "0");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().matches("(?s).*compounds\\s+15\\b.*"), "all 15 records via the glob:\n" + r.out());
    String latest = Files.readString(tmp.resolve("exports/latest")).trim();
    JsonNode manifest =
        new ObjectMapper()
            .readTree(tmp.resolve("exports").resolve(latest).resolve("manifest.json").toFile());
    manifest
        .get("splits")
        .forEach(s -> assertEquals(3, s.get("rows_per_shard").asLong(), "export.shard-rows=3"));
    try (Stream<Path> logs = Files.list(events)) {
      assertTrue(logs.findAny().isPresent(), "spark.eventLog.* from the file reached Spark");
    }
    assertTrue(r.err().contains("msetl: nightly: gc "), r.err());
    assertTrue(r.out().contains("keep export " + latest + " (latest)"), r.out());
    assertTrue(r.out().contains("gc: removed 0 exports"), r.out());
  }

  private Path smallLibrary(int from, int to) throws Exception {
    Path sample = Path.of("").toAbsolutePath();
    while (!Files.exists(sample.resolve("data/sample/library.msp"))) {
      sample = sample.getParent();
    }
    sample = sample.resolve("data/sample");
    Path lib = Files.createDirectories(tmp.resolve("lib/MOL"));
    String[] records =
        Files.readString(sample.resolve("library.msp"), StandardCharsets.UTF_8).split("\r\n\r\n");
    StringBuilder sb = new StringBuilder();
    for (int i = from - 1; i < to; i++) {
      sb.append(records[i].strip()).append("\r\n\r\n");
      Files.copy(sample.resolve("MOL/ID" + (i + 1) + ".MOL"), lib.resolve("ID" + (i + 1) + ".MOL"));
    }
    Files.writeString(
        lib.getParent().resolve("library.msp"), sb.toString(), StandardCharsets.UTF_8);
    return lib.getParent();
  }
}
