package io.msetl.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MolBlocksTest {
  private static final String BODY =
      "  2  1  0  0  0  0  0  0  0  0999 V2000\n"
          + "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n"
          + "    1.2990    0.7500    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n"
          + "  1  2  1  0\n";

  private static String fixture(String rel) throws IOException, URISyntaxException {
    return Files.readString(
        Path.of(MolBlocksTest.class.getResource("/fixtures/" + rel).toURI()),
        StandardCharsets.ISO_8859_1);
  }

  @Test
  void aGoodMolFileOnlyLosesItsCarriageReturns() throws Exception {
    String text = fixture("nist-small/MOL/ID2.MOL");
    MolBlocks.Normalized n = MolBlocks.normalize(text);
    assertEquals(List.of(), n.repairs());
    assertEquals(text.replace("\r\n", "\n").strip() + "\n", n.molblock());
    assertEquals(10, n.atoms());
  }

  @Test
  void missingMEndIsAdded() {
    MolBlocks.Normalized n = MolBlocks.normalize("title\n  prog\n\n" + BODY);
    assertEquals(List.of("MOL_M_END_ADDED"), n.repairs());
    assertTrue(n.molblock().endsWith("  1  2  1  0\nM  END\n"));
    assertEquals(2, n.atoms());
  }

  @Test
  void doubledMEndIsWrittenOnce() {
    MolBlocks.Normalized n = MolBlocks.normalize("title\n  prog\n\n" + BODY + "M  END\nM  END\n");
    assertEquals(List.of("MOL_M_END_DEDUPLICATED"), n.repairs());
    assertEquals(1, n.molblock().split("M  END", -1).length - 1);
  }

  @Test
  void nistCountsLineWithoutVersionGetsV2000AndItsFieldsKept() {
    String nist =
        "Formaldehyde\n -MSLIB32-06012016\nCAS rn = 50000, Library ID = 4\n"
            + "  2  1  0  0  0  0  0  0  0  0  1\n"
            + "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n"
            + "    1.2990    0.7500    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n"
            + "  1  2  2  0\nM  END\n";
    MolBlocks.Normalized n = MolBlocks.normalize(nist);
    assertEquals(List.of("MOL_COUNTS_VERSION_ADDED"), n.repairs());
    assertTrue(n.molblock().contains("\n  2  1  0  0  0  0  0  0  0  0  1 V2000\n"), n.molblock());
    assertTrue(n.molblock().startsWith("Formaldehyde\n -MSLIB32-06012016\n"));
  }

  @Test
  void moNaBlankLinesAfterDollarsAreDroppedFromTheHeader() {
    // $$$$ + extra blank line + empty title + program line + empty comment + counts line.
    MolBlocks.Normalized n = MolBlocks.normalize("\n\n  CDK     02011822082D\n\n" + BODY);
    assertEquals(List.of("MOL_HEADER_REALIGNED", "MOL_M_END_ADDED"), n.repairs());
    assertTrue(n.molblock().startsWith("\n  CDK     02011822082D\n\n  2  1"), n.molblock());
  }

  @Test
  void anEmptyMolblockHasNoAtomsAndTextWithoutCountsLineIsNoMolblock() throws Exception {
    String sdf = fixture("nist-small/library.sdf");
    int at = sdf.indexOf("ID 12  MassBank");
    String rec12 = sdf.substring(sdf.lastIndexOf("$$$$", at) + 6, sdf.indexOf("$$$$", at));
    SdfRecord r = SdfRecord.parse(rec12);
    assertTrue(MolBlocks.normalize(r.molblockLines()).isEmpty());
    assertEquals("12", r.property("ID"));
    assertNull(MolBlocks.normalize("just text\nno molecule\n"));
  }

  @Test
  void v3000AtomCountComesFromTheCountsLine() {
    String v3 =
        "t\n p\n\n  0  0  0     0  0            999 V3000\nM  V30 BEGIN CTAB\nM  V30 COUNTS 3 2 0 0 0\n"
            + "M  V30 END CTAB\nM  END\n";
    MolBlocks.Normalized n = MolBlocks.normalize(v3);
    assertEquals(3, n.atoms());
    assertEquals(List.of(), n.repairs());
  }
}
