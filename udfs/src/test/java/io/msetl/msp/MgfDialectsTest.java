package io.msetl.msp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every MGF file of the corpus (fixtures/mgf, see its README), through the real reader and parser.
 */
class MgfDialectsTest {

  private static MspRecord rec(List<ParseOutcome> out, int i) {
    assertTrue(
        out.get(i).isAccepted(), () -> "block " + i + " rejected: " + out.get(i).rejectMessage());
    return out.get(i).record();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // file, blocks, accepted, record id of the first block, peaks of the first block
    "matchms-matchms__pesticides.mgf, 76, 76, CCMSLIB00001058235, 53",
    "matchms-matchms__test_remove_fingerprint.mgf, 5, 5, PS010904, 2",
    "mzmine-mzmine__gnps_cleaned.mgf, 5, 3, CCMSLIB00006514547, 1",
    "mzmine-mzmine__matchms_cleaned.mgf, 3, 3, CCMSLIB00012739756, 22",
    "mzmine-mzmine__mzmine.mgf, 3, 3, mzmine-mzmine__mzmine.mgf#0, 8",
    "RECETOX-galaxytools__fill.mgf, 6, 6, RECETOX-galaxytools__fill.mgf#0, 57",
    "OpenMS-OpenMS__GNPSExport_1_out.mgf, 199, 199, OpenMS-OpenMS__GNPSExport_1_out.mgf#0, 78",
    "levitsky-pyteomics__test.mgf, 2, 2, levitsky-pyteomics__test.mgf#0, 6",
    "rformassspectrometry-MsBackendMgf__spectra.mgf, 3, 3, rformassspectrometry-MsBackendMgf__spectra.mgf#0, 14",
    "rformassspectrometry-MsBackendMgf__spectra2.mgf, 4, 4, rformassspectrometry-MsBackendMgf__spectra2.mgf#0, 203",
    "rformassspectrometry-MsBackendMgf__xfiora.mgf, 1, 1, rformassspectrometry-MsBackendMgf__xfiora.mgf#0, 97",
  })
  void everyCorpusFileGivesItsBlocks(String file, int blocks, int accepted, String id, int peaks)
      throws IOException {
    List<ParseOutcome> out = Fixtures.parseMgf("mgf/" + file);
    assertEquals(blocks, out.size());
    assertEquals(accepted, out.stream().filter(ParseOutcome::isAccepted).count());
    MspRecord first = rec(out, 0);
    assertEquals(id, first.recordId());
    assertEquals(peaks, first.mz().length);
  }

  @Test
  void theCorpusHolds308BlocksInTwelveFiles() throws IOException {
    int blocks = 0;
    try (Stream<Path> s = Files.list(Fixtures.path("mgf"))) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".mgf")).toList();
      assertEquals(12, files.size());
      for (Path p : files) {
        blocks += Fixtures.read(p, RecordBoundary.END_IONS).size();
      }
    }
    assertEquals(308, blocks, "the README's BEGIN IONS count");
  }

  @Test
  void anEmptyBlockIsNoPeaksAndABrokenPeakLineIsUnparseable() throws IOException {
    List<ParseOutcome> empty =
        Fixtures.parseMgf("mgf/rformassspectrometry-MsBackendMgf__spectra3_empty_peaks.mgf");
    assertEquals(1, empty.size());
    assertEquals(MspRejects.NO_PEAKS, empty.get(0).rejectReason());

    List<ParseOutcome> gnps = Fixtures.parseMgf("mgf/mzmine-mzmine__gnps_cleaned.mgf");
    assertEquals(MspRejects.UNPARSEABLE_PEAK_LINE, gnps.get(3).rejectReason());
    assertEquals(MspRejects.UNPARSEABLE_PEAK_LINE, gnps.get(4).rejectReason());
    assertTrue(gnps.get(4).rejectMessage().contains("50.552333d"));
  }

  @Test
  void gnpsLibraryBlocksCarryStructureIonModeAndPrecursor() throws IOException {
    MspRecord fuberidazole = rec(Fixtures.parseMgf("mgf/matchms-matchms__pesticides.mgf"), 0);
    assertEquals("C1=CC=C2C(=C1)NC(=N2)C3=CC=CO3", fuberidazole.smilesDeclared());
    assertEquals("N", fuberidazole.ionMode());
    assertEquals(183.057, fuberidazole.precursorMz());
    assertTrue(fuberidazole.name().startsWith("Pesticide6_Fuberidazole"));
    assertEquals("1", fuberidazole.metadata().get("charge"));

    MspRecord adp = rec(Fixtures.parseMgf("mgf/matchms-matchms__test_remove_fingerprint.mgf"), 0);
    assertEquals("ADP", adp.name(), "COMPOUND_NAME is the name");
    assertEquals(428.31, adp.precursorMz(), "PRECURSOR_MZ");
    assertEquals("P", adp.ionMode());
    assertArrayEquals(new double[] {135.0, 136.0}, adp.mz(), "peaks with a trailing space");
  }

  @Test
  void pepmassWithIntensityCrlfCommentsAndGlobalHeader() throws IOException {
    List<ParseOutcome> crlf =
        Fixtures.parseMgf("mgf/rformassspectrometry-MsBackendMgf__spectra.mgf");
    MspRecord first = rec(crlf, 0);
    assertEquals(816.33826, first.precursorMz(), "PEPMASS=m/z intensity gives its m/z");
    assertTrue(first.warnings().isEmpty(), first.warnings()::toString);

    List<ParseOutcome> mascot = Fixtures.parseMgf("mgf/levitsky-pyteomics__test.mgf");
    MspRecord second = rec(mascot, 1);
    assertNull(second.metadata().get("charge"), "the global CHARGE=2+ and 3+ is not applied");
    assertEquals(6, second.mz().length, "three-column peaks: the charge column is not a peak");
  }

  @Test
  void thirdPeakColumnAnnotationsAndUnsortedPeaksAreKeptAsWritten() throws IOException {
    MspRecord fiora =
        rec(Fixtures.parseMgf("mgf/rformassspectrometry-MsBackendMgf__xfiora.mgf"), 0);
    assertEquals(97, fiora.mz().length);
    assertEquals(
        "CCCCCC@@HO", fiora.smilesDeclared(), "a mangled SMILES is kept for RDKit to judge");
  }

  @Test
  void tinySplitsGiveTheSameBlocksAsOneSplit() throws IOException {
    Path p = Fixtures.path("mgf/OpenMS-OpenMS__GNPSExport_1_out.mgf");
    List<Fixtures.Raw> whole = Fixtures.read(p, RecordBoundary.END_IONS);
    for (long split : new long[] {1_000, 7_777}) {
      List<Fixtures.Raw> parts = Fixtures.read(p, RecordBoundary.END_IONS, split);
      assertEquals(whole.size(), parts.size(), "split " + split);
      for (int i = 0; i < whole.size(); i++) {
        assertEquals(whole.get(i).offset(), parts.get(i).offset());
        assertArrayEquals(whole.get(i).bytes(), parts.get(i).bytes());
      }
    }
  }
}
