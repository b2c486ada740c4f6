package io.msetl.msp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.structure.SdfRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fields a dialect hides in comment pairs or in an SDF header line fill their columns; an explicit
 * field wins over its hidden twin, and a disagreement is a DECLARED_FIELD_CONFLICT warning.
 */
class DeclaredFieldsTest {
  private static final MspParser MSP = new MspParser(NumPeaksMismatch.WARN);

  private static MspRecord accepted(ParseOutcome o) {
    assertTrue(o.isAccepted(), o::rejectMessage);
    return o.record();
  }

  private static List<String> conflicts(MspRecord r) {
    return r.warnings().stream()
        .filter(w -> w.startsWith(RecordFields.CONFLICT_WARNING + ": "))
        .toList();
  }

  @Test
  void theRecordIdComesFromACommentPairDbNumberWhenThereIsNoIdField() throws IOException {
    MspRecord msdial =
        accepted(Fixtures.parseMsp("msp-dialects/matchms__test_spectra_collection.msp").get(2));
    assertEquals("CCMSLIB00000006832", msdial.recordId(), "Comment: DB#=CCMSLIB00000006832");
    assertEquals("CCMSLIB00000006832", msdial.dbNumber());
    assertNull(msdial.idField(), "a hidden id never names a MOL file");

    MspRecord riken = accepted(Fixtures.parseMsp("msp-dialects/mzmine__riken.msp").get(2));
    assertEquals("SMI00034", riken.recordId());
  }

  @Test
  void licenceAndFormulaFromMoNaCommentPairs() throws IOException {
    MspRecord nitropyrene =
        accepted(Fixtures.parseMsp("msp-dialects/matchms__MoNA-export-GC-MS-first10.msp").get(0));
    assertEquals("CC BY-NC-SA", nitropyrene.license(), "\"license=CC BY-NC-SA\"");
    MspRecord lipid = accepted(Fixtures.parseMsp("msp-dialects/MsBackendMsp__minimona.msp").get(8));
    assertEquals("C32H64N2O3", lipid.formula(), "\"formula=C32H64N2O3\" (no Formula: line)");
    for (ParseOutcome o : Fixtures.parseMsp("msp-dialects/MsBackendMsp__minimona.msp")) {
      assertEquals(List.of(), conflicts(accepted(o)), "fields and pairs agree in this export");
    }
  }

  @Test
  void anExplicitFieldWinsAndADisagreeingPairIsAWarning() throws IOException {
    // The real MS-DIAL record of the corpus, with a DB# field added that disagrees with its pair.
    String text =
        new String(
                Files.readAllBytes(
                    Fixtures.path("msp-dialects/matchms__test_spectra_collection.msp")),
                StandardCharsets.UTF_8)
            .split("\r?\n\r?\n\r?\n?")[2];
    MspRecord r = accepted(MSP.parse("DB#: GNPS-OTHER\n" + text, "x#2"));
    assertEquals("GNPS-OTHER", r.recordId());
    assertEquals("GNPS-OTHER", r.dbNumber());
    assertEquals(
        List.of(
            "DECLARED_FIELD_CONFLICT: db_number field 'GNPS-OTHER' differs from the comment pair"
                + " DB# 'CCMSLIB00000006832' (the field is kept)"),
        conflicts(r));

    MspRecord same = accepted(MSP.parse("DB#: CCMSLIB00000006832\n" + text, "x#2"));
    assertEquals(List.of(), conflicts(same), "equal values are no conflict");
  }

  @Test
  void numbersAndCasNumbersAreComparedAsValues() {
    String record =
        "Name: glycine\nMW: 75.07\nCAS#: 56-40-6\nComments: \"MW=75.0700\" \"CAS=56406\""
            + " \"exact mass=75.032\"\nNum Peaks: 1\n30 999\n";
    MspRecord r = accepted(MSP.parse(record, "g#0"));
    assertEquals(List.of(), conflicts(r));
    assertEquals(75.032, r.exactMass(), "the hidden exact mass fills the empty column");
    MspRecord off = accepted(MSP.parse(record.replace("MW: 75.07", "MW: 76.07"), "g#0"));
    assertEquals(76.07, off.mw());
    assertEquals(1, conflicts(off).size());
  }

  /** NIST SDF export layout (README of msp-dialects): id and CAS only in the comment line. */
  private static final String NIST_SDF =
      "Glycine\n"
          + "  -MSLIB32-12012000002D\n"
          + "CAS rn = 56406, Library ID = 4\n"
          + "  5  4  0  0  0  0  0  0  0  0  1\n"
          + "    0.0000    0.0000    0.0000 N   0  0  0  0  0  0  0  0  0  0  0  0\n"
          + "    1.2990    0.7500    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n"
          + "    2.5981    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n"
          + "    2.5981   -1.5000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n"
          + "    3.8971    0.7500    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n"
          + "  1  2  1  0\n  2  3  1  0\n  3  4  2  0\n  3  5  1  0\n"
          + "M  END\n"
          + "> <NAME>\nGlycine\n\n"
          + "> <NUM PEAKS>\n2\n\n"
          + "> <MASS SPECTRAL PEAKS>\n30 999\n75 120\n\n";

  @Test
  void nistSdfHeaderLineGivesIdAndCas() {
    SdfSpectrumParser p = new SdfSpectrumParser(NumPeaksMismatch.WARN);
    SdfRecord sdf = SdfRecord.parse(NIST_SDF);
    MspRecord r = accepted(p.parse(sdf, "mainlib.sdf#0"));
    assertEquals("4", r.recordId());
    assertEquals("56406", r.cas());
    assertEquals("4", SdfSpectrumParser.recordId(sdf, "mainlib.sdf#0"));

    SdfRecord withId = SdfRecord.parse(NIST_SDF + "> <ID>\n7\n\n");
    MspRecord explicit = accepted(p.parse(withId, "mainlib.sdf#0"));
    assertEquals("7", explicit.recordId(), "an <ID> property wins over the header");
    assertEquals("7", SdfSpectrumParser.recordId(withId, "mainlib.sdf#0"));
    assertEquals(1, conflicts(explicit).size());
  }
}
