package io.msetl.msp;

import io.msetl.structure.SdfRecord;
import java.util.Map;

/**
 * Reads the spectrum and metadata of an SDF molecule (NIST / MassBank / MoNA SDF exports keep the
 * peaks in {@code MASS SPECTRAL PEAKS}, one {@code mz intensity} per line) into the same {@link
 * MspRecord} an MSP record gives. Property names go through the same alias table; multi-line {@code
 * SYNONYMS} give one synonym per line.
 */
public final class SdfSpectrumParser implements java.io.Serializable {
  private final MspParser parser;

  public SdfSpectrumParser(NumPeaksMismatch policy) {
    this.parser = new MspParser(policy);
  }

  /** True when the molecule carries a spectrum (a {@code MASS SPECTRAL PEAKS} item). */
  public static boolean hasSpectrum(SdfRecord sdf) {
    for (Map.Entry<String, String> e : sdf.properties()) {
      if ("peaks".equals(MspKeys.canonicalOrNull(e.getKey()))) {
        return true;
      }
    }
    return false;
  }

  public ParseOutcome parse(SdfRecord sdf, String fallbackId) {
    RecordFields fields = new RecordFields();
    PeakParser.Peaks peaks = new PeakParser.Peaks();
    String badLine = null;
    for (Map.Entry<String, String> e : sdf.properties()) {
      String canonical = MspKeys.canonicalOrNull(e.getKey());
      if ("peaks".equals(canonical)) {
        for (String line : e.getValue().split("\n")) {
          if (!line.isBlank() && !PeakParser.parseLine(line, peaks) && badLine == null) {
            badLine = line;
          }
        }
      } else if ("synonyms".equals(canonical)) {
        for (String s : e.getValue().split("\n")) {
          fields.add(e.getKey(), s);
        }
      } else {
        fields.add(e.getKey(), e.getValue());
      }
    }
    if (badLine != null) {
      String id = fields.first("id") != null ? fields.first("id") : fallbackId;
      return ParseOutcome.rejected(
          MspRejects.UNPARSEABLE_PEAK_LINE,
          "peak line not in any known syntax: '" + MspParser.clip(badLine) + "'",
          id);
    }
    return parser.finish(fields, peaks, fallbackId);
  }

  /** The record id an SDF molecule joins on: ID, else DB#, else NISTNO, else the fallback. */
  public static String recordId(SdfRecord sdf, String fallbackId) {
    RecordFields f = new RecordFields();
    for (Map.Entry<String, String> e : sdf.properties()) {
      String c = MspKeys.canonicalOrNull(e.getKey());
      if ("id".equals(c) || "db_number".equals(c) || "nist_number".equals(c)) {
        f.add(e.getKey(), e.getValue());
      }
    }
    String id = f.first("id");
    if (id == null) {
      id = f.first("db_number");
    }
    if (id == null) {
      id = f.first("nist_number");
    }
    return id != null ? id : fallbackId;
  }
}
