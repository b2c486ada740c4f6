package io.msetl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.msp.NumPeaksMismatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("spark")
class IngestSparkTest {
  private static final Path SMALL =
      Path.of("../udfs/src/test/resources/fixtures/nist-small").toAbsolutePath().normalize();
  private static final Path DIALECTS =
      Path.of("../udfs/src/test/resources/fixtures/msp-dialects").toAbsolutePath().normalize();
  private static final Path FIXTURES =
      Path.of("../udfs/src/test/resources/fixtures").toAbsolutePath().normalize();
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("ingest-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Map<String, Row> byId(Dataset<Row> rows) {
    return rows.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("record_id"), r -> r, (a, b) -> a, TreeMap::new));
  }

  @Test
  void nistSmallDirectoryGivesItsRecordsWithMolStructuresAndTheDocumentedProblemCasesAsRejects() {
    IngestOptions o = IngestOptions.forInput(SMALL.toString());
    assertEquals(
        1, o.mspPaths().size(), "the directory's SDF holds the same records and must not be added");
    assertTrue(o.sdfPaths().isEmpty());
    assertNotNull(o.molDir());

    IngestResult r = Ingest.run(spark, o);
    Map<String, Row> records = byId(r.records());
    Map<String, Row> rejects = byId(r.rejects());

    assertEquals(198, records.size());
    assertEquals(
        Map.of("12", "MISSING_STRUCTURE", "13", "NO_PEAKS"),
        rejects.values().stream()
            .collect(Collectors.toMap(x -> x.getAs("record_id"), x -> x.getAs("reason"))));
    assertEquals(
        0,
        r.orphanStructures().count(),
        "every MOL file belongs to a record (ID 13's record is rejected, not absent)");

    Row two = records.get("2");
    assertEquals("TETRAETHYLAMMONIUM BROMIDE", two.getAs("name"));
    assertEquals("MOL_FILE", two.getAs("structure_source"));
    assertEquals("molblock", two.getAs("structure_kind"));
    assertTrue(((String) two.getAs("structure_file")).endsWith("MOL/ID2.MOL"));
    assertTrue(((String) two.getAs("structure")).startsWith("TETRAETHYLAMMONIUM BROMIDE\n"));
    assertTrue(((String) two.getAs("structure")).endsWith("M  END\n"));
    assertEquals("HWCKGOZZJDHMNC-UHFFFAOYSA-M", two.getAs("inchikey_declared"));
    assertEquals(14, two.getList(two.fieldIndex("mz")).size());
    assertEquals(86.0, two.getList(two.fieldIndex("mz")).get(9));
    assertEquals(999.0, two.getList(two.fieldIndex("intensity")).get(9));
    assertEquals(1L, (long) two.getAs("ordinal"));
    assertEquals(64, ((String) two.getAs("raw_sha256")).length());
    assertEquals("71-91-0", two.getAs("cas"));
    assertEquals(
        "CC BY-NC-SA",
        two.<scala.collection.Map<String, String>>getAs("metadata").get("comments.license").get());

    Row rejected13 = rejects.get("13");
    assertTrue(((String) rejected13.getAs("raw_excerpt")).contains("Num Peaks: 0"));
    assertEquals(12L, (long) rejected13.getAs("ordinal"));
  }

  @Test
  void tinySplitsOfOneFileGiveExactlyTheRecordsOfOneSplit() {
    IngestOptions one =
        IngestOptions.defaults()
            .withMspPaths(List.of(SMALL.resolve("library.msp").toString()))
            .withMinPartitions(1);
    List<String> expected = lineage(Ingest.run(spark, one));
    assertEquals(200, expected.size());
    // Tiny and odd split sizes are covered exhaustively without Spark (DelimitedRecordReaderTest);
    // here one odd size checks the Spark wiring (ordinals across 15 splits).
    for (long split : new long[] {12_007}) {
      IngestOptions tiny = one.withMaxSplitBytes(split);
      List<String> got = lineage(Ingest.run(spark, tiny));
      assertEquals(expected, got, "split size " + split);
    }
  }

  private static List<String> lineage(IngestResult r) {
    Dataset<Row> all =
        r.records()
            .select("record_id", "byte_offset", "ordinal", "raw_sha256")
            .unionByName(
                r.rejects()
                    .select("record_id", "byte_offset", "ordinal")
                    .withColumn("raw_sha256", org.apache.spark.sql.functions.lit("rejected")));
    return all.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void aSmallFileIsCutIntoAsManyPartitionsAsAsked() {
    IngestOptions o =
        IngestOptions.defaults()
            .withMspPaths(
                List.of(DIALECTS.resolve("matchms__massbank_five_spectra.msp").toString()))
            .withMinPartitions(3);
    IngestResult r = Ingest.run(spark, o);
    assertTrue(
        r.records().rdd().getNumPartitions() >= 3,
        "partitions: " + r.records().rdd().getNumPartitions());
    assertEquals(
        List.of(0L, 1L, 2L, 3L, 4L),
        r.records().select("ordinal").collectAsList().stream()
            .map(x -> x.getLong(0))
            .sorted()
            .toList());
  }

  @Test
  void aGlobReadsEveryMatchingFileAndOrdinalsCountWithinEachFile() {
    IngestResult r =
        Ingest.run(
            spark,
            IngestOptions.defaults()
                .withMspPaths(List.of(DIALECTS.resolve("matchms__*_five_spectra.msp").toString())));
    Map<String, List<Long>> ordinals =
        r.records().collectAsList().stream()
            .collect(
                Collectors.groupingBy(
                    x ->
                        Path.of(x.<String>getAs("source_file").replace("file:", ""))
                            .getFileName()
                            .toString(),
                    TreeMap::new,
                    Collectors.mapping(x -> x.<Long>getAs("ordinal"), Collectors.toList())));
    assertEquals(
        Map.of(
            "matchms__massbank_five_spectra.msp", List.of(0L, 1L, 2L, 3L, 4L),
            "matchms__riken_style_five_spectra.msp", List.of(0L, 1L, 2L, 3L, 4L)),
        ordinals.entrySet().stream()
            .collect(
                Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream().sorted().toList())));
    assertEquals(0, r.rejects().count());
  }

  @Test
  void gzippedMspGivesTheSameRecordsAsTheUncompressedFile(@TempDir Path tmp) throws IOException {
    Path src = DIALECTS.resolve("MsBackendMsp__minimona.msp");
    Path gz = tmp.resolve("minimona.msp.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(src, out);
    }
    IngestResult plain =
        Ingest.run(spark, IngestOptions.defaults().withMspPaths(List.of(src.toString())));
    IngestResult zipped =
        Ingest.run(spark, IngestOptions.defaults().withMspPaths(List.of(gz.toString())));
    assertEquals(8, zipped.records().count(), "22 of the 30 records carry no SMILES/InChI");
    assertEquals(22, zipped.rejects().filter("reason = 'MISSING_STRUCTURE'").count());
    assertEquals(
        plain
            .records()
            .select("record_id", "byte_offset", "ordinal", "raw_sha256", "structure")
            .collectAsList()
            .stream()
            .map(Row::toString)
            .sorted()
            .toList(),
        zipped
            .records()
            .select("record_id", "byte_offset", "ordinal", "raw_sha256", "structure")
            .collectAsList()
            .stream()
            .map(Row::toString)
            .sorted()
            .toList());
  }

  @Test
  void duplicateIdsKeepTheFirstRecordByFileAndOffsetAndRejectTheRest() {
    IngestResult r =
        Ingest.run(
            spark,
            IngestOptions.defaults()
                .withMspPaths(
                    List.of(DIALECTS.resolve("OpenMS__MSPGenericFile_input.msp").toString())));
    Map<String, Long> reasons =
        r.rejects().collectAsList().stream()
            .collect(
                Collectors.groupingBy(x -> x.getAs("reason"), TreeMap::new, Collectors.counting()));
    // DB# 2 appears twice; none of the four records has a structure.
    assertEquals(Map.of("DUPLICATE_ID", 1L, "MISSING_STRUCTURE", 3L), reasons);
    Row dup = r.rejects().filter("reason = 'DUPLICATE_ID'").first();
    assertEquals("2", dup.getAs("record_id"));
    assertEquals(2L, (long) dup.getAs("ordinal"));
    String message = dup.getAs("message");
    assertTrue(message.contains(" byte 273 "), message);
  }

  @Test
  void sdfAloneGivesSpectraWithTheirMolblocks() {
    IngestResult r =
        Ingest.run(spark, IngestOptions.forInput(SMALL.resolve("library.sdf").toString()));
    Map<String, Row> records = byId(r.records());
    Map<String, String> reasons =
        r.rejects().collectAsList().stream()
            .collect(Collectors.toMap(x -> x.getAs("record_id"), x -> x.getAs("reason")));
    assertEquals(Map.of("12", "MISSING_STRUCTURE", "13", "NO_PEAKS"), reasons);
    assertEquals(198, records.size());
    Row two = records.get("2");
    assertEquals("SDF", two.getAs("structure_source"));
    assertEquals("TETRAETHYLAMMONIUM BROMIDE", two.getAs("name"));
    assertEquals(14, two.getList(two.fieldIndex("mz")).size());
  }

  @Test
  void sdfMoleculesAreTheStructuresOfMspRecordsWhenNoMolFolderIsGiven() {
    IngestResult r =
        Ingest.run(
            spark,
            IngestOptions.defaults()
                .withMspPaths(List.of(SMALL.resolve("library.msp").toString()))
                .withSdfPaths(List.of(SMALL.resolve("library.sdf").toString())));
    Map<String, Row> records = byId(r.records());
    assertEquals(198, records.size());
    assertEquals("SDF", records.get("7").getAs("structure_source"));
    assertEquals(0, r.orphanStructures().count());
  }

  @Test
  void moNaSdfWithoutMEndIsRepairedAndKeepsItsSpectrum() {
    IngestResult r =
        Ingest.run(
            spark,
            IngestOptions.forInput(
                DIALECTS.resolve("CompoundDb__MoNa_export-All_Spectra_sub.sdf.gz").toString()));
    List<Row> rows = r.records().collectAsList();
    assertEquals(7, rows.size() + r.rejects().count());
    Row first = byId(r.records()).get("AU100601");
    assertEquals("Sulfaclozine", first.getAs("name"));
    assertTrue(((String) first.getAs("structure")).endsWith("M  END\n"));
    assertTrue(
        first.getList(first.fieldIndex("warnings")).contains("MOL_M_END_ADDED: molblock repaired"));
    assertEquals(27, first.getList(first.fieldIndex("mz")).size());
  }

  @Test
  void molFilesWithoutARecordAreReportedAsOrphans(@TempDir Path tmp) throws IOException {
    Path mol = Files.createDirectories(tmp.resolve("MOL"));
    Files.copy(SMALL.resolve("library.msp"), tmp.resolve("library.msp"));
    Files.copy(SMALL.resolve("MOL/ID2.MOL"), mol.resolve("ID2.MOL"));
    Files.copy(SMALL.resolve("MOL/ID3.MOL"), mol.resolve("id999.mol"));
    IngestResult r =
        Ingest.run(
            spark,
            IngestOptions.forInput(tmp.toString()).withNumPeaksMismatch(NumPeaksMismatch.WARN));
    List<Row> orphans = r.orphanStructures().collectAsList();
    assertEquals(1, orphans.size());
    assertEquals("999", orphans.get(0).getAs("record_id"));
    assertEquals(1, r.records().count(), "only ID 2 has a structure now");
  }

  @Test
  void aMassBankTreeIsListedByTasksAndEveryRecordIsARecordOrAReject() throws IOException {
    Path tree = FIXTURES.resolve("massbank-records");
    IngestOptions o = IngestOptions.forInput(tree.toString());
    assertEquals(List.of("file:" + tree), o.massbankPaths(), "detected from a sample record");
    IngestResult r = Ingest.run(spark, o.withMinPartitions(3));
    Map<String, Row> records = byId(r.records());
    Map<String, Row> rejects = byId(r.rejects());
    assertEquals(198, records.size() + rejects.size(), "198 files, one record each");
    assertEquals(
        Map.of("DEPRECATED_RECORD", 6L, "MISSING_STRUCTURE", 10L),
        r.rejects().groupBy("reason").count().collectAsList().stream()
            .collect(Collectors.toMap(x -> x.getString(0), x -> x.getLong(1))));

    Map<String, String[]> manifest = new TreeMap<>();
    List<String> lines = Files.readAllLines(tree.resolve("MANIFEST.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      manifest.put(f[1], f);
    }
    for (Row rec : records.values()) {
      String[] m = manifest.get((String) rec.getAs("record_id"));
      assertEquals(m[2], rec.getAs("license"));
      assertEquals(m[3], rec.getAs("authors"));
      assertEquals(0L, (long) rec.getAs("ordinal"));
      assertEquals(0L, (long) rec.getAs("byte_offset"));
      assertTrue(((String) rec.getAs("source_file")).endsWith("/" + m[0]));
    }
    Row atrazine = records.get("MSBNK-ACES_SU-AS000154");
    assertEquals("MASSBANK_SMILES", atrazine.getAs("structure_source"));
    assertEquals("smiles", atrazine.getAs("structure_kind"));
  }

  @Test
  void anMgfFolderGivesEveryBlockOfEveryFile() {
    IngestOptions o = IngestOptions.forInput(FIXTURES.resolve("mgf").toString());
    assertEquals(12, o.mgfPaths().size());
    IngestResult r = Ingest.run(spark, o.withMaxSplitBytes(50_000));
    long records = r.records().count();
    Map<String, Long> reasons =
        r.rejects().groupBy("reason").count().collectAsList().stream()
            .collect(Collectors.toMap(x -> x.getString(0), x -> x.getLong(1)));
    assertEquals(308, records + reasons.values().stream().mapToLong(Long::longValue).sum());
    assertEquals(1L, reasons.get("NO_PEAKS"));
    assertEquals(2L, reasons.get("UNPARSEABLE_PEAK_LINE"));
    Row fuberidazole = byId(r.records()).get("CCMSLIB00001058235");
    assertEquals("MGF_SMILES", fuberidazole.getAs("structure_source"));
    assertEquals(183.057, fuberidazole.getAs("precursor_mz"));
  }

  @Test
  void theFormatComesFromTheContentAndAnOverrideWins(@TempDir Path tmp) throws IOException {
    Path renamed = tmp.resolve("gnps-download.msp");
    Files.copy(FIXTURES.resolve("mgf/matchms-matchms__pesticides.mgf"), renamed);
    IngestOptions detected = IngestOptions.forInput(renamed.toString());
    assertEquals(1, detected.mgfPaths().size());
    assertTrue(detected.mspPaths().isEmpty());
    assertEquals(76, Ingest.run(spark, detected).records().count());

    IngestOptions forced =
        IngestOptions.forInput(renamed.toString(), io.msetl.msp.LibraryFormat.MSP);
    assertEquals(1, forced.mspPaths().size());
  }

  @Test
  void aRecordOverTheCapIsARejectWithItsLineage(@TempDir Path tmp) throws IOException {
    Path big = FIXTURES.resolve("massbank-records/RIKEN_NPDepo/MSBNK-RIKEN_NPDepo-NGA00673.txt");
    Path small = FIXTURES.resolve("massbank-records/AAFC/MSBNK-AAFC-AC000002.txt");
    Path dir = tmp.resolve("tree/RIKEN_NPDepo");
    Files.createDirectories(dir);
    Files.copy(big, dir.resolve(big.getFileName()));
    Files.copy(small, dir.resolve(small.getFileName()));
    IngestResult r =
        Ingest.run(
            spark,
            IngestOptions.forInput(tmp.resolve("tree").toString()).withMaxRecordBytes(64 * 1024));
    assertEquals(1, r.records().count());
    Row reject = r.rejects().collectAsList().get(0);
    assertEquals("RECORD_TOO_LARGE", reject.getAs("reason"));
    assertTrue(((String) reject.getAs("source_file")).endsWith("MSBNK-RIKEN_NPDepo-NGA00673.txt"));
    assertEquals(0L, (long) reject.getAs("byte_offset"));
    assertTrue(((String) reject.getAs("raw_excerpt")).startsWith("ACCESSION: MSBNK-RIKEN_NPDepo"));
    assertTrue(
        ((String) reject.getAs("message"))
            .startsWith("record of " + (Files.size(big) - 3) + " bytes"),
        (String) reject.getAs("message"));
  }
}
