package io.msetl.msp;

import io.msetl.structure.SdfRecord;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the spectrum and metadata of an SDF molecule (NIST / MassBank / MoNA SDF exports keep the
 * peaks in {@code MASS SPECTRAL PEAKS}, one {@code mz intensity} per line) into the same {@link
 * MspRecord} an MSP record gives. Property names go through the same alias table; multi-line {@code
 * SYNONYMS} give one synonym per line. NIST SDF exports that keep the library id and CAS number
 * only in the molfile's comment line ({@code CAS rn = 334883, Library ID = 4}) get them as hidden
 * {@code id} / {@code cas} values (a {@code <ID>} / {@code <CASNO>} property wins).
 */
public final class SdfSpectrumParser implements java.io.Serializable {
  private static final Pattern HEADER_CAS =
      Pattern.compile("CAS\\s*rn\\s*=\\s*([0-9-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_ID =
      Pattern.compile("Library\\s*ID\\s*=\\s*([^,\\s]+)", Pattern.CASE_INSENSITIVE);

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
    addHeaderFields(sdf, fields);
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
      String id = RecordIds.of(fields, fallbackId);
      return ParseOutcome.rejected(
          MspRejects.UNPARSEABLE_PEAK_LINE,
          "peak line not in any known syntax: '" + MspParser.clip(badLine) + "'",
          id);
    }
    return parser.finish(fields, peaks, fallbackId);
  }

  /** The record id an SDF molecule joins on: {@link RecordIds} over its properties and header. */
  public static String recordId(SdfRecord sdf, String fallbackId) {
    RecordFields f = new RecordFields();
    addHeaderFields(sdf, f);
    for (Map.Entry<String, String> e : sdf.properties()) {
      String c = MspKeys.canonicalOrNull(e.getKey());
      if (c != null && RecordIds.KEYS.contains(c)) {
        f.add(e.getKey(), e.getValue());
      }
    }
    return RecordIds.of(f, fallbackId);
  }

  /** The NIST comment line (third line of the molfile header) as hidden id and CAS. */
  static void addHeaderFields(SdfRecord sdf, RecordFields f) {
    int n = Math.min(3, sdf.molblockLines().size());
    for (int i = 0; i < n; i++) {
      String line = sdf.molblockLines().get(i);
      Matcher cas = HEADER_CAS.matcher(line);
      if (cas.find()) {
        f.addHidden("cas", cas.group(1), "molfile header");
      }
      Matcher id = HEADER_ID.matcher(line);
      if (id.find()) {
        f.addHidden("id", id.group(1), "molfile header");
      }
    }
  }
}
