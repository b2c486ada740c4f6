package io.msetl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.msp.NumPeaksMismatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestOptionsTest {
  private static final Path SMALL =
      Path.of("../udfs/src/test/resources/fixtures/nist-small").toAbsolutePath().normalize();

  @Test
  void defaultsAreTheDocumentedOnes() {
    IngestOptions o = IngestOptions.defaults();
    assertEquals("ID{id}.MOL", o.molPattern());
    assertEquals(NumPeaksMismatch.WARN, o.numPeaksMismatch());
    assertEquals(2, o.minPartitions());
    assertTrue(o.mspPaths().isEmpty() && o.sdfPaths().isEmpty());
    assertNull(o.molDir());
  }

  @Test
  void aNistDirectoryGivesItsMspAndMolFolderButNotItsSdf() {
    IngestOptions o = IngestOptions.forInput(SMALL.toString());
    assertEquals(1, o.mspPaths().size());
    assertTrue(o.mspPaths().get(0).endsWith("nist-small/library.msp"));
    assertTrue(o.molDir().endsWith("nist-small/MOL"));
    assertEquals(List.of(), o.sdfPaths());
  }

  @Test
  void aFileIsMspUnlessNamedSdf() {
    assertEquals(
        1, IngestOptions.forInput(SMALL.resolve("library.sdf").toString()).sdfPaths().size());
    assertEquals(
        1, IngestOptions.forInput(SMALL.resolve("library.msp").toString()).mspPaths().size());
  }

  @Test
  void aDirectoryWithOnlySdfUsesItsSdf(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("b.sdf"), "x");
    Files.writeString(tmp.resolve("a.SDF.gz"), "x");
    IngestOptions o = IngestOptions.forInput(tmp.toString());
    assertEquals(2, o.sdfPaths().size());
    assertTrue(o.sdfPaths().get(0).endsWith("a.SDF.gz"));
  }

  @Test
  void unusableInputsAreOneLineErrors(@TempDir Path tmp) {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> IngestOptions.forInput(tmp.resolve("nope").toString()));
    assertTrue(missing.getMessage().startsWith("input path does not exist: "));
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> IngestOptions.forInput(tmp.toString()));
    assertTrue(
        empty.getMessage().startsWith("no MSP, MGF, SDF or MassBank record files in directory: "));
    assertThrows(
        IllegalArgumentException.class, () -> IngestOptions.defaults().withMolPattern("X.MOL"));
    assertThrows(
        IllegalArgumentException.class, () -> IngestOptions.defaults().withMinPartitions(0));
  }
}
