package io.msetl.msp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelimitedRecordReaderTest {

  private static void assertSameRecords(
      List<Fixtures.Raw> expected, List<Fixtures.Raw> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": record count");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(
          expected.get(i).offset(), actual.get(i).offset(), what + ": offset of record " + i);
      assertArrayEquals(
          expected.get(i).bytes(), actual.get(i).bytes(), what + ": bytes of record " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "msp-dialects/matchms__multiline_semicolon.msp",
        "msp-dialects/OpenMS__MSPGenericFile_input.msp",
        "msp-dialects/matchms__test_spectra_collection.msp",
        "msp-dialects/MsBackendMsp__minimona.msp",
        "msp-dialects/OpenMS__SpectraSTSimilarityScore_1.msp",
        "msp-dialects/matchms__riken_style_five_spectra.msp",
        "nist-small/library.msp"
      })
  void everySplitSizeYieldsTheRecordsOfOneSplitExactlyOnce(String fixture) throws IOException {
    Path p = Fixtures.path(fixture);
    List<Fixtures.Raw> whole = Fixtures.read(p, RecordBoundary.BLANK_LINE);
    long size = Files.size(p);
    // Down to 1-byte splits on the small files; ~200 splits at least on the larger ones.
    for (long split : new long[] {1, 2, 3, 7, 64, 333, 1000, 1024, 4096, 4099, 65536}) {
      if (size / split > 400) {
        continue;
      }
      assertSameRecords(
          whole, Fixtures.read(p, RecordBoundary.BLANK_LINE, split), fixture + " split " + split);
    }
  }

  @Test
  void sdfSplitsAtDollarLinesAndKeepsBlankTitleLines() throws IOException {
    Path p = Fixtures.path("nist-small/library.sdf");
    List<Fixtures.Raw> whole = Fixtures.read(p, RecordBoundary.DOLLARS);
    assertEquals(200, whole.size());
    for (long split : new long[] {2_011, 4096, 100_000}) {
      assertSameRecords(
          whole, Fixtures.read(p, RecordBoundary.DOLLARS, split), "sdf split " + split);
    }
    String first = new String(whole.get(0).bytes(), StandardCharsets.UTF_8);
    assertTrue(first.startsWith("1,3,5-Trimethylbenzene\r\n"));
    assertTrue(first.endsWith("120 999\r\n\r\n"), "the $$$$ line itself is not part of the record");
  }

  @Test
  void gzippedSdfIsReadWholeAndBlankLinesAfterTheLastDollarsAreNoRecord() throws IOException {
    List<Fixtures.Raw> recs =
        Fixtures.read(
            Fixtures.path("msp-dialects/CompoundDb__MoNa_export-All_Spectra_sub.sdf.gz"),
            RecordBoundary.DOLLARS);
    assertEquals(7, recs.size());
    assertEquals(0L, recs.get(0).offset());
  }

  @Test
  void theFirstRecordOfEveryFixtureStartsAtOffsetZeroAndOffsetsPointAtRecordStarts()
      throws IOException {
    Path p = Fixtures.path("msp-dialects/matchms__test_spectra_collection.msp");
    byte[] all = Files.readAllBytes(p);
    List<Fixtures.Raw> recs = Fixtures.read(p, RecordBoundary.BLANK_LINE);
    assertEquals(3, recs.size(), "two blank lines between records are one separator");
    for (Fixtures.Raw r : recs) {
      for (int i = 0; i < r.bytes().length; i++) {
        assertEquals(all[(int) r.offset() + i], r.bytes()[i]);
      }
    }
    assertEquals(0L, recs.get(0).offset());
  }

  @Test
  void whitespaceOnlyLinesSeparateRecordsAndLeadingBlankLinesAreSkipped(@TempDir Path tmp)
      throws IOException {
    String text = "\r\n\nName: A\nNum Peaks: 1\n10 1\n \t \r\nINCHIKEY: X\nNum Peaks: 1\n11 2";
    Path p = tmp.resolve("ws.msp");
    Files.writeString(p, text);
    for (long split : new long[] {1, 5, 1000}) {
      List<Fixtures.Raw> recs = Fixtures.read(p, RecordBoundary.BLANK_LINE, split);
      assertEquals(2, recs.size());
      assertEquals(3L, recs.get(0).offset());
      assertEquals(
          "INCHIKEY: X\nNum Peaks: 1\n11 2",
          new String(recs.get(1).bytes(), StandardCharsets.UTF_8),
          "a last record without a final newline is complete");
    }
  }

  @Test
  void aRecordLongerThanTheCapKeepsItsHeadAndItsTrueLengthAndTheNextRecordIsIntact(
      @TempDir Path tmp) throws IOException {
    Path big = Fixtures.path("massbank-records/RIKEN_NPDepo/MSBNK-RIKEN_NPDepo-NGA00673.txt");
    Path small = Fixtures.path("massbank-records/AAFC/MSBNK-AAFC-AC000002.txt");
    byte[] a = Files.readAllBytes(big);
    byte[] b = Files.readAllBytes(small);
    Path both = tmp.resolve("two-records.txt");
    byte[] joined = new byte[a.length + b.length];
    System.arraycopy(a, 0, joined, 0, a.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    Files.write(both, joined);

    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    conf.setLong(DelimitedRecordReader.MAX_RECORD_BYTES, 4096);
    try (DelimitedRecordReader r = new DelimitedRecordReader(RecordBoundary.DOUBLE_SLASH)) {
      r.open(new org.apache.hadoop.fs.Path(both.toUri()), 0, joined.length, conf);
      assertTrue(r.nextKeyValue());
      RecordBytes first = (RecordBytes) r.getCurrentValue();
      assertTrue(first.truncated());
      assertEquals(4096, first.getLength());
      assertEquals(a.length - "//\n".length(), first.fullLength(), "all but the // line");
      assertTrue(r.nextKeyValue());
      RecordBytes second = (RecordBytes) r.getCurrentValue();
      assertEquals(a.length, r.getCurrentKey().get());
      assertEquals(b.length - 3, second.getLength());
      assertEquals(second.getLength(), second.fullLength());
      assertEquals(false, r.nextKeyValue());
    }
  }
}
