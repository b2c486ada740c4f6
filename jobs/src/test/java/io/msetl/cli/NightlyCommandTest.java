package io.msetl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("spark")
class NightlyCommandTest {

  @TempDir Path tmp;

  @Test
  void buildsExportsAndVerifiesInOneRun() throws Exception {
    Path lib = smallLibrary(10, 24);
    CliRun r =
        CliRun.of(
            "nightly",
            "--input",
            lib.toString(),
            "--tables",
            tmp.resolve("tables").toString(),
            "--exports",
            tmp.resolve("exports").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isDirectory(tmp.resolve("tables/compounds/_delta_log")));
    String latest = Files.readString(tmp.resolve("exports/latest")).trim();
    assertTrue(
        Files.exists(tmp.resolve("exports").resolve(latest).resolve("manifest.json")), latest);
    assertTrue(r.out().contains("0 problems"), r.out());
  }

  @Test
  void aFailedBuildStopsBeforeExport() throws Exception {
    Path empty = Files.createFile(tmp.resolve("empty.msp"));
    CliRun r =
        CliRun.of(
            "nightly",
            "--input",
            empty.toString(),
            "--tables",
            tmp.resolve("tables").toString(),
            "--exports",
            tmp.resolve("exports").toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("step 'build' failed"), r.err());
    assertTrue(!Files.exists(tmp.resolve("exports/latest")), "nothing published");
  }

  /** Records {@code from..to} (1-based) of the bundled sample, with their MOL files. */
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
