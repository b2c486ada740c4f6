package io.msetl.msp;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;

/** Reads fixture files through the real record reader and parser (no Spark). */
final class Fixtures {
  private Fixtures() {}

  private static final Configuration CONF = new Configuration();

  /** One raw record as the reader yields it. */
  record Raw(long offset, byte[] bytes) {}

  static Path path(String relative) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture " + relative, e);
    }
  }

  static List<Raw> read(Path file, RecordBoundary boundary) throws IOException {
    return read(file, boundary, Files.size(file));
  }

  /** Reads a file as consecutive splits of {@code splitSize} bytes, like Hadoop would. */
  static List<Raw> read(Path file, RecordBoundary boundary, long splitSize) throws IOException {
    long size = Files.size(file);
    List<Raw> out = new ArrayList<>();
    boolean compressed = file.toString().endsWith(".gz");
    for (long start = 0; start < size || start == 0; start += splitSize) {
      long len = compressed ? size : Math.min(splitSize, size - start);
      try (DelimitedRecordReader r = new DelimitedRecordReader(boundary)) {
        r.open(new org.apache.hadoop.fs.Path(file.toUri()), start, len, CONF);
        while (r.nextKeyValue()) {
          BytesWritable v = r.getCurrentValue();
          out.add(new Raw(r.getCurrentKey().get(), v.copyBytes()));
        }
      }
      if (compressed || size == 0) {
        break;
      }
    }
    return out;
  }

  static List<ParseOutcome> parseMsp(String fixture, NumPeaksMismatch policy) throws IOException {
    Path p = path(fixture);
    MspParser parser = new MspParser(policy);
    List<ParseOutcome> out = new ArrayList<>();
    List<Raw> raws = read(p, RecordBoundary.BLANK_LINE);
    for (int i = 0; i < raws.size(); i++) {
      Raw r = raws.get(i);
      String text = RawText.decode(r.bytes(), r.bytes().length).text();
      out.add(parser.parse(text, p.getFileName() + "#" + i));
    }
    return out;
  }

  static List<ParseOutcome> parseMsp(String fixture) throws IOException {
    return parseMsp(fixture, NumPeaksMismatch.WARN);
  }

  /** A record parser of one decoded text (MSP, MGF, MassBank). */
  interface TextParser {
    ParseOutcome parse(String text, String fallbackId);
  }

  /** Every record of a fixture file, cut by {@code boundary} and parsed by {@code parser}. */
  static List<ParseOutcome> parse(Path p, RecordBoundary boundary, TextParser parser)
      throws IOException {
    List<ParseOutcome> out = new ArrayList<>();
    List<Raw> raws = read(p, boundary);
    for (int i = 0; i < raws.size(); i++) {
      Raw r = raws.get(i);
      String text = RawText.decode(r.bytes(), r.bytes().length).text();
      out.add(parser.parse(text, p.getFileName() + "#" + i));
    }
    return out;
  }

  static List<ParseOutcome> parseMgf(String fixture) throws IOException {
    return parse(
        path(fixture), RecordBoundary.END_IONS, new MgfParser(NumPeaksMismatch.WARN)::parse);
  }

  static List<ParseOutcome> parseMassBank(Path file) throws IOException {
    return parse(
        file, RecordBoundary.DOUBLE_SLASH, new MassBankParser(NumPeaksMismatch.WARN)::parse);
  }
}
