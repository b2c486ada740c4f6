package io.msetl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --input} with a glob (the help says globs are allowed). */
class GlobInputTest {
  @TempDir Path tmp;

  @Test
  void aGlobGivesItsMatchingFilesInOrderAndTheirFoldersMolFolder() throws Exception {
    Files.createDirectories(tmp.resolve("lib/MOL"));
    Files.writeString(tmp.resolve("lib/b-2026.msp"), "Name: b\n");
    Files.writeString(tmp.resolve("lib/a-2026.msp"), "Name: a\n");
    Files.writeString(tmp.resolve("lib/old-2025.msp"), "Name: old\n");
    IngestOptions o = IngestOptions.forInput(tmp.resolve("lib") + "/*-2026.msp");
    assertEquals(2, o.mspPaths().size());
    assertTrue(o.mspPaths().get(0).endsWith("lib/a-2026.msp"), o.mspPaths().toString());
    assertTrue(o.mspPaths().get(1).endsWith("lib/b-2026.msp"), o.mspPaths().toString());
    assertTrue(o.molDir().endsWith("lib/MOL"), o.molDir());
  }

  @Test
  void aGlobOfSdfFilesGivesSdfRecords() throws Exception {
    Files.writeString(tmp.resolve("x.sdf"), "$$$$\n");
    IngestOptions o = IngestOptions.forInput(tmp + "/*.sdf");
    assertEquals(1, o.sdfPaths().size());
    assertEquals(0, o.mspPaths().size());
  }

  @Test
  void aGlobMatchingNothingSaysSo() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IngestOptions.forInput(tmp + "/*.msp"));
    assertEquals("input glob matches no file: " + tmp + "/*.msp", e.getMessage());
  }
}
