package io.msetl.msp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Native MassBank records (fixtures/massbank-records: 198 real records chosen from
 * /work/shared/data/massbank-records, every deliberate edge case plus 3 per contributor folder; and
 * the three records of the dialect corpus) through the real reader and parser.
 */
class MassBankRecordsTest {

  private static MspRecord only(Path file) throws IOException {
    List<ParseOutcome> out = Fixtures.parseMassBank(file);
    assertEquals(1, out.size(), file + " is one record");
    assertTrue(out.get(0).isAccepted(), () -> file + ": " + out.get(0).rejectMessage());
    return out.get(0).record();
  }

  private static Path record(String folder, String accession) {
    return Fixtures.path("massbank-records/" + folder + "/" + accession + ".txt");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // dialect-corpus file, accession, name, peaks, instrument type, licence
    "MassBank-data__MSBNK-Fac_Eng_Univ_Tokyo-JP000001.txt, MSBNK-Fac_Eng_Univ_Tokyo-JP000001, 1-NITROPYRENE, 75, EI-B, CC BY-NC-SA",
    "MassBank-data__MSBNK-MSSJ-MSJ00076.txt, MSBNK-MSSJ-MSJ00076, '(5R,11R)-5,11-dimethylpentacosane', 78, GC-EI-TOF, CC BY",
    "MassBank-data__MSBNK-RIKEN-PR010001.txt, MSBNK-RIKEN-PR010001, '1,3-Diaminopropane', 82, GC-EI-TOF, CC BY-SA",
  })
  void dialectCorpusRecordsGiveTheirFields(
      String file, String accession, String name, int peaks, String type, String licence)
      throws IOException {
    MspRecord r = only(Fixtures.path("msp-dialects/" + file));
    assertEquals(accession, r.recordId());
    assertEquals(name, r.name());
    assertEquals(peaks, r.mz().length);
    assertEquals(peaks, r.numPeaksDeclared());
    assertEquals(type, r.instrumentType());
    assertEquals(licence, r.license());
    assertEquals("MS", r.spectrumType());
    assertEquals("P", r.ionMode());
    assertTrue(r.warnings().isEmpty(), r.warnings()::toString);
  }

  @Test
  void aDerivativeRecordKeepsTheParentStructureAndTheDerivativeInMetadata() throws IOException {
    MspRecord r = only(Fixtures.path("msp-dialects/MassBank-data__MSBNK-RIKEN-PR010001.txt"));
    assertEquals("NCCCN", r.smilesDeclared());
    assertEquals("InChI=1S/C3H10N2/c4-2-1-3-5/h1-5H2", r.inchiDeclared());
    assertEquals("XFNJVJPLKCPIBV-UHFFFAOYSA-N", r.inchikeyDeclared());
    assertEquals("10517-44-9", r.cas());
    assertEquals(74.0844, r.exactMass());
    assertEquals("4 TMS", r.metadata().get("MS$FOCUSED_ION DERIVATIVE_TYPE"));
    assertEquals("Kusano M, Fukushima A, Plant Science Center, RIKEN.", r.authors());
  }

  /** Every record of the fixture tree against MANIFEST.tsv: id, licence, authors, peak count. */
  @Test
  void everyRecordOfTheTreeIsOneRecordWithItsManifestLicenceAndAuthors() throws IOException {
    Path root = Fixtures.path("massbank-records");
    Map<String, String[]> manifest = new HashMap<>();
    List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      manifest.put(f[0], f);
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertEquals(198, files.size());
    assertEquals(198, manifest.size());
    int accepted = 0;
    int deprecated = 0;
    for (Path file : files) {
      String[] m = manifest.get(root.relativize(file).toString());
      List<ParseOutcome> out = Fixtures.parseMassBank(file);
      assertEquals(1, out.size(), file.toString());
      ParseOutcome o = out.get(0);
      assertEquals(m[1], o.recordId(), "the record id is the ACCESSION");
      if (!o.isAccepted()) {
        assertEquals(MspRejects.DEPRECATED_RECORD, o.rejectReason(), o.rejectMessage());
        assertTrue(m[6].contains("deprecated"), file + " is tagged deprecated in the manifest");
        deprecated++;
        continue;
      }
      accepted++;
      MspRecord r = o.record();
      assertEquals(m[2], r.license(), file.toString());
      assertEquals(m[3], r.authors(), file.toString());
      assertEquals(r.numPeaksDeclared(), r.mz().length, file + ": PK$NUM_PEAK");
      assertTrue(r.warnings().isEmpty(), file + " " + r.warnings());
      assertEquals("MS2", r.spectrumType());
    }
    assertEquals(192, accepted);
    assertEquals(6, deprecated);
  }

  @Test
  void edgeCasesOfTheTree() throws IOException {
    MspRecord large = only(record("RIKEN_NPDepo", "MSBNK-RIKEN_NPDepo-NGA00673"));
    assertEquals(10_280, large.mz().length);

    MspRecord abs = only(record("RIKEN", "MSBNK-RIKEN-PR020123"));
    assertEquals(2532000.0, abs.intensity()[6], "the int. column, not rel.int. (126)");
    assertEquals(366.104, abs.mz()[6]);

    List<ParseOutcome> sci =
        Fixtures.parseMassBank(record("ISAS_Dortmund", "MSBNK-ISAS_Dortmund-IA000284"));
    assertEquals(MspRejects.DEPRECATED_RECORD, sci.get(0).rejectReason());
    assertTrue(sci.get(0).rejectMessage().endsWith("2019-11-25 Wrong MS measurement assigned"));

    MspRecord na = only(record("ACES_SU", "MSBNK-ACES_SU-AS000154"));
    assertNull(na.precursorMz(), "PRECURSOR_M/Z NA is a placeholder");
    assertEquals(List.of("6-amino-4-(propan-2-ylamino)-1H-1,3,5-triazin-2-one"), na.synonyms());

    MspRecord thiocyclam = only(record("ENTACT_AGILENT", "MSBNK-EPA-ENTACT_AGILENT000973"));
    assertTrue(thiocyclam.synonyms().contains("杀虫环"), "UTF-8 names are decoded");

    MspRecord annotated = only(record("Antwerp_Univ", "MSBNK-Antwerp_Univ-AN116131"));
    assertEquals(5, annotated.mz().length, "PK$ANNOTATION continuation lines are not peaks");
    assertTrue(annotated.metadata().containsKey("PK$ANNOTATION"));
  }
}
