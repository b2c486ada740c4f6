package io.msetl.msp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Every MSP file of the corpus, parsed through the real reader and parser. */
class MspDialectsTest {

  private static MspRecord rec(List<ParseOutcome> out, int i) {
    assertTrue(
        out.get(i).isAccepted(), () -> "record " + i + " rejected: " + out.get(i).rejectMessage());
    return out.get(i).record();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // file, records, accepted, name of the first record, peaks of the first record
    "matchms__MoNA-export-GC-MS-first10.msp, 10, 10, 1-NITROPYRENE, 75",
    "matchms__golm.msp, 3, 3, 'M000000_A097001-101-xxx_NA_959,45_PRED_VAR5_ALK_Unknown#bth-pae-001', 50",
    "matchms__edge_golm.msp, 1, 1, 'M000412_A100001-101-xxx_NA_986,12_TRUE_VAR5_ALK_Glyoxylic acid (1MEOX) (1TMS)', 26",
    "matchms__Hydrogen_chloride.msp, 1, 1, Hydrogen chloride, 4",
    "matchms__comments_with_quotes.msp, 1, 1, 'S-Carboxymethyl-L-cysteine, 3TMS', 248",
    "matchms__massbank_five_spectra.msp, 5, 5, ADP, 2",
    "matchms__riken_style_five_spectra.msp, 5, 5, ADP, 2",
    "matchms__multiline_semicolon.msp, 2, 2, Compound A, 15",
    "matchms__test_spectra_collection.msp, 3, 3, 2-Hydroxychalcone, 2",
    "matchms__rcx_gc-ei_ms_20201028_perylene.msp, 1, 1, Perylene, 19",
    "recetox-galaxytools__rcx_gc-ei_ms_subset.msp, 7, 7, Phenanthrene, 19",
    "recetox-galaxytools__rcx_exposome_pesticides_subset.msp, 5, 5, Acephate, 16",
    "recetox-galaxytools__matchms_export_inp_filtered_spectra.msp, 51, 51, C019, 21",
    "recetox-galaxytools__qcxms_output.msp, 1, 1, Lindane, 49",
    "MsBackendMsp__minimona.msp, 30, 30, Ritonavir, 8",
    "MsBackendMsp__msdial_pos.msp, 6, 5, 'w/o MS2:1H-1,2,3-Triazole', 1",
    "MsBackendMsp__small-export-LipidBlast.msp, 5, 5, ACar 4:0, 2",
    "mzmine__riken.msp, 3, 3, 1-NITROPYRENE; EI-B; MS, 75",
    "mzmine__mzmine.msp, 4, 2, quercetin, 50",
    "mzmine__fraghub.msp, 1, 1, Ochratoxin B ethyl ester, 24",
    "mzmine__massbank_eu_nist_for_mse.msp, 3, 3, Caffeine, 9",
    "OpenMS__MoNA-export-GC-MS_Spectra_reduced_TSE_matchSpectrum.msp, 21, 21, L-Tryptophane, 104",
    "OpenMS__MSPGenericFile_input.msp, 4, 4, name1 of first, 14",
    "OpenMS__MSPFile_test.msp, 7, 7, AAFDIFVLGAEDGCISTK/2, 14",
    "OpenMS__SpectraSTSimilarityScore_1.msp, 3, 3, AADDKEACFAVEGPK/2, 10",
  })
  void everyCorpusFileGivesItsRecordsNamesAndPeakCounts(
      String file, int records, int accepted, String name, int peaks) throws IOException {
    List<ParseOutcome> out = Fixtures.parseMsp("msp-dialects/" + file);
    assertEquals(records, out.size());
    assertEquals(accepted, out.stream().filter(ParseOutcome::isAccepted).count());
    MspRecord first = rec(out, 0);
    assertEquals(name, first.name());
    assertEquals(peaks, first.mz().length);
    assertEquals(peaks, first.intensity().length);
  }

  @Test
  void everyMspFixtureIsCoveredByTheTableAbove() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.path("msp-dialects"))) {
      assertEquals(25, s.filter(p -> p.toString().endsWith(".msp")).count());
    }
  }

  @Test
  void golmMzColonIntensityPairsAndDecimalCommasAndMetbKeysInSynon() throws IOException {
    List<ParseOutcome> out = Fixtures.parseMsp("msp-dialects/matchms__golm.msp");
    MspRecord glycine = rec(out, 1);
    assertEquals("17", glycine.recordId());
    assertEquals(175.301, glycine.mw());
    assertEquals(70.0, glycine.mz()[0]);
    assertEquals(81.0, glycine.intensity()[0]);
    assertEquals(552.0, glycine.mz()[63]);
    assertNull(glycine.cas(), "CAS#: NA is a placeholder");
    assertEquals("986,97", glycine.metadata().get("retention_index"));
    // METB InChI describes the underivatised metabolite, not the TMS derivative measured.
    assertNull(glycine.inchiDeclared());
    assertEquals("FFDGPVCHZBVARC-UHFFFAOYSA-N", glycine.metadata().get("METB InChIKey"));

    MspRecord edge = rec(Fixtures.parseMsp("msp-dialects/matchms__edge_golm.msp"), 0);
    assertEquals(
        "HHLFWLYXYJOTON-UHFFFAOYSA-N",
        edge.metadata().get("METB InChIKey"),
        "Synon: METB InChIKey: ... is a key");
    assertEquals("986,12", edge.metadata().get("retention_index"));
    assertTrue(edge.synonyms().isEmpty(), "every Synon line of this file carries a key");
    assertEquals(
        "consensus spectrum of 2 spectra per analyte, MPIMP ID and isotopomer, with majority threshold = 60%",
        edge.comments());
  }

  @Test
  void nistOneLineCasAndNistNumberAndThreePeakSyntaxes() throws IOException {
    List<ParseOutcome> out = Fixtures.parseMsp("msp-dialects/OpenMS__MSPGenericFile_input.msp");
    MspRecord first = rec(out, 0);
    assertEquals("0123-45-6", first.cas());
    assertEquals("654321", first.nistNumber());
    assertEquals("1", first.dbNumber());
    assertEquals(List.of("name2 of 1st", "name3 of firsttt"), first.synonyms());
    assertArrayEquals(
        new double[] {27, 38, 39, 41, 50, 60, 61, 74, 75, 76, 90, 91, 100, 105}, first.mz());
    MspRecord second = rec(out, 1);
    assertEquals(15, second.mz().length);
    assertEquals(310.0, second.mz()[14]);
    assertEquals(20.0, second.intensity()[14]);
    MspRecord third = rec(out, 3);
    assertNull(third.comments(), "the record without Comments:");
    assertEquals(111.0, third.mz()[15]);
  }

  @Test
  void moNaCommentPairsCarrySmilesAndInchiAndNistSynonymCodesGoToMetadata() throws IOException {
    List<ParseOutcome> out = Fixtures.parseMsp("msp-dialects/matchms__test_spectra_collection.msp");
    MspRecord chalcone = rec(out, 0);
    assertEquals("VF-NPL-LTQ000001", chalcone.recordId());
    assertEquals(
        "O=C(C=CC=1C=CC=CC1O)C=2C=CC=CC2",
        chalcone.smilesDeclared(),
        "computed SMILES when no SMILES");
    assertTrue(chalcone.inchiDeclared().startsWith("InChI=1S/C15H12O2/"));
    assertEquals("in-source", chalcone.metadata().get("$:00"));
    assertTrue(chalcone.synonyms().isEmpty());
    assertEquals("N", chalcone.ionMode());
    assertEquals(223.12845079826587, chalcone.precursorMz());
    assertEquals("Arpana Vaniya", chalcone.metadata().get("comments.author"));

    MspRecord gnps = rec(out, 1);
    assertEquals("O=P(O)(O)CCN", gnps.smilesDeclared(), "SMILES= pair wins over computed SMILES=");
    MspRecord msdial = rec(out, 2);
    assertEquals(3e-06, msdial.intensity()[5]);
    assertEquals(
        "CCS:", msdial.metadata().get("retention_time"), "the broken line is kept as written");
    assertEquals("", msdial.metadata().get("collision_energy"));
    assertNull(msdial.collisionEnergy());
    assertEquals("CCMSLIB00000006832", msdial.metadata().get("comments.DB#"));
    assertEquals("phenazine-1-carboxamide", msdial.name());
  }

  @Test
  void recordsStartingWithOtherKeysThanName() throws IOException {
    MspRecord riken =
        rec(Fixtures.parseMsp("msp-dialects/matchms__riken_style_five_spectra.msp"), 0);
    assertEquals("XTWYTFMLZFPYCI-UHFFFAOYSA-N", riken.inchikeyDeclared());
    assertEquals("ADP", riken.name());
    assertArrayEquals(new double[] {135.0, 136.0}, riken.mz());
    assertArrayEquals(new double[] {83.0, 999.0}, riken.intensity());
    assertEquals(
        "matchms__riken_style_five_spectra.msp#0",
        riken.recordId(),
        "no ID/DB#/NIST#: file#ordinal");

    List<ParseOutcome> export =
        Fixtures.parseMsp(
            "msp-dialects/recetox-galaxytools__matchms_export_inp_filtered_spectra.msp");
    MspRecord c019 = rec(export, 0);
    assertEquals("C019", c019.name(), "COMPOUND_NAME is the name");
    assertEquals(164.985419247789, c019.mz()[0]);
    assertEquals(1.0, c019.intensity()[12]);
    assertEquals("-1", c019.metadata().get("charge"));
  }

  @Test
  void thirdColumnAnnotationsTabsAndIndentedPeaksAreRead() throws IOException {
    MspRecord perylene =
        rec(Fixtures.parseMsp("msp-dialects/matchms__rcx_gc-ei_ms_20201028_perylene.msp"), 0);
    assertEquals(252.09323, perylene.mz()[16]);
    assertEquals(1955166.0, perylene.intensity()[16]);
    assertNull(perylene.inchiDeclared(), "INCHI: is empty");
    assertEquals("C1=CC2=C3C(=C1)C1=CC=CC4=C1C(=CC=C4)C3=CC=C2", perylene.smilesDeclared());

    MspRecord peptide = rec(Fixtures.parseMsp("msp-dialects/OpenMS__MSPFile_test.msp"), 0);
    assertEquals(608.7, peptide.mz()[0]);
    assertEquals(974.0, peptide.intensity()[0]);

    MspRecord ritonavir = rec(Fixtures.parseMsp("msp-dialects/MsBackendMsp__minimona.msp"), 0);
    assertEquals(721.3204, ritonavir.mz()[7], "TAB-indented peak line");
    assertEquals(80.08008, ritonavir.intensity()[7]);
  }

  @Test
  void semicolonPairsWithLeadingSpacesAndZeroIntensities() throws IOException {
    List<ParseOutcome> out = Fixtures.parseMsp("msp-dialects/matchms__multiline_semicolon.msp");
    assertEquals(0.0, rec(out, 0).intensity()[0]);
    assertArrayEquals(new double[] {40, 41, 42, 43, 44, 46, 50, 51, 52, 53}, rec(out, 1).mz());
    assertEquals(10, rec(out, 1).numPeaksDeclared());
  }

  @Test
  void lipidBlastChargedFormulaAndUpperCaseKeysAndUtf8Comments() throws IOException {
    MspRecord acar =
        rec(Fixtures.parseMsp("msp-dialects/MsBackendMsp__small-export-LipidBlast.msp"), 0);
    assertEquals("[C11H22NO4]+", acar.formula());
    assertEquals("QWYFHHGCZUCMBN-UHFFFAOYSA-O", acar.inchikeyDeclared());
    assertEquals("CCCC(=O)OC(CC(O)=O)C[N+](C)(C)C", acar.smilesDeclared());
    assertEquals(List.of("[M]+"), acar.synonyms());

    MspRecord hcl = rec(Fixtures.parseMsp("msp-dialects/matchms__Hydrogen_chloride.msp"), 0);
    assertEquals("49", hcl.recordId());
    assertEquals("InChI=1S/ClH/h1H", hcl.inchiDeclared(), "STDINCHI is an alias of InChI");
    assertEquals("[H+].[Cl-]", hcl.smilesDeclared());
    assertEquals(35.0, hcl.mz()[0]);

    List<ParseOutcome> mona =
        Fixtures.parseMsp(
            "msp-dialects/OpenMS__MoNA-export-GC-MS_Spectra_reduced_TSE_matchSpectrum.msp");
    MspRecord trp = rec(mona, 0);
    assertEquals(
        "QIVBCDIJIAJPQS-VIFPVBQESA-N",
        trp.metadata().get("inchikey"),
        "a repeated equal line is kept once");
    assertEquals(
        List.of("L-Tryptophan", "(S)-alpha-Amino-beta-(3-indolyl)-propionic acid", "Tryptophan"),
        trp.synonyms());
    assertTrue(
        mona.stream().anyMatch(o -> o.isAccepted() && o.record().comments().contains("µ")),
        "UTF-8 µ decoded");
  }

  @Test
  void brokenPeakLinesAndEmptyPeakListsAreRejectedWithTheirReason() throws IOException {
    List<ParseOutcome> mz = Fixtures.parseMsp("msp-dialects/mzmine__mzmine.msp");
    assertEquals(MspRejects.UNPARSEABLE_PEAK_LINE, mz.get(2).rejectReason());
    assertTrue(mz.get(2).rejectMessage().contains("61.028145d 0.726"));
    List<ParseOutcome> msdial = Fixtures.parseMsp("msp-dialects/MsBackendMsp__msdial_pos.msp");
    assertEquals(MspRejects.NO_PEAKS, msdial.get(4).rejectReason());
    assertEquals("MsBackendMsp__msdial_pos.msp#4", msdial.get(4).recordId());
  }

  @Test
  void numPeaksMismatchWarnsByDefaultAndRejectsWhenAsked() throws IOException {
    MspRecord truncated = rec(Fixtures.parseMsp("msp-dialects/OpenMS__MSPFile_test.msp"), 5);
    assertEquals(97, truncated.numPeaksDeclared());
    assertEquals(4, truncated.mz().length);
    assertEquals(
        List.of("NUM_PEAKS_MISMATCH: Num Peaks says 97 but 4 peaks were read"),
        truncated.warnings());
    ParseOutcome rejected =
        Fixtures.parseMsp("msp-dialects/OpenMS__MSPFile_test.msp", NumPeaksMismatch.REJECT).get(5);
    assertFalse(rejected.isAccepted());
    assertEquals(MspRejects.NUM_PEAKS_MISMATCH, rejected.rejectReason());
  }

  @Test
  void nistSmallProblemRecordsAndOrdinaryRecords() throws IOException {
    List<ParseOutcome> out = Fixtures.parseMsp("nist-small/library.msp");
    assertEquals(200, out.size());
    assertEquals(199, out.stream().filter(ParseOutcome::isAccepted).count());
    ParseOutcome thirteen = out.get(12);
    assertEquals("13", thirteen.recordId());
    assertEquals(MspRejects.NO_PEAKS, thirteen.rejectReason());
    MspRecord one = rec(out, 0);
    assertEquals("1", one.recordId());
    assertEquals("1", one.idField());
    assertEquals("MSBNK-MSSJ-MSJ00091", one.dbNumber());
    assertArrayEquals(new double[] {120}, one.mz());
    assertEquals("CI-Q", one.instrumentType());
    assertEquals("CC BY", one.metadata().get("comments.license"));
    MspRecord four = rec(out, 3);
    assertEquals("[C9H16ClN4]+", four.formula());
    assertTrue(
        out.stream()
            .filter(ParseOutcome::isAccepted)
            .anyMatch(o -> o.record().comments().contains("Björn")));
  }
}
