package io.msetl.msp;

/**
 * Parses the text of one MSP record (any dialect of the corpus) into an {@link MspRecord} or a
 * rejection. Header lines are {@code key: value} (key = text before the first colon, starting with
 * a non-digit); the peak list starts at {@code Num Peaks} or at the first line that starts with a
 * number. Header lines met after the peaks are kept as metadata, unless they start a new record
 * ({@code Name}/{@code Num Peaks} again), which means a missing blank line.
 *
 * <p>Stateless apart from the mismatch policy: one instance may parse any number of records.
 */
public final class MspParser implements java.io.Serializable {
  private final NumPeaksMismatch mismatchPolicy;

  public MspParser(NumPeaksMismatch mismatchPolicy) {
    this.mismatchPolicy = mismatchPolicy;
  }

  /**
   * @param text the decoded record
   * @param fallbackId id to use when the record has no ID / DB# / NIST# ({@code <file>#<ordinal>})
   */
  public ParseOutcome parse(String text, String fallbackId) {
    RecordFields fields = new RecordFields();
    PeakParser.Peaks peaks = new PeakParser.Peaks();
    boolean inPeaks = false;
    boolean sawPeakLine = false;
    String badLine = null;
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = start;
      while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = text.substring(start, end);
      start =
          end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n'
              ? end + 2
              : end + 1;
      if (line.isBlank()) {
        continue;
      }
      boolean peakLike = PeakParser.looksLikePeakLine(line);
      if (peakLike && (inPeaks || !isKeyLine(line))) {
        inPeaks = true;
        sawPeakLine = true;
        if (!PeakParser.parseLine(line, peaks) && badLine == null) {
          badLine = line;
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && !peakLike) {
        String key = line.substring(0, colon);
        String canonical = MspKeys.canonicalOrNull(key);
        if (sawPeakLine && ("num_peaks".equals(canonical) || "name".equals(canonical))) {
          return ParseOutcome.rejected(
              MspRejects.MISSING_RECORD_SEPARATOR,
              "a second record starts at '" + clip(line) + "' without a blank line before it",
              idOf(fields, fallbackId));
        }
        fields.add(key, line.substring(colon + 1));
        if ("num_peaks".equals(canonical)) {
          inPeaks = true;
        }
        continue;
      }
      if (inPeaks) {
        if (badLine == null) {
          badLine = line;
        }
      } else {
        fields.add("unparsed_lines", line.strip());
        fields.warn("UNPARSED_HEADER_LINE: '" + clip(line) + "'");
      }
    }
    String id = idOf(fields, fallbackId);
    if (badLine != null) {
      return ParseOutcome.rejected(
          MspRejects.UNPARSEABLE_PEAK_LINE,
          "peak line not in any known syntax: '" + clip(badLine) + "'",
          id);
    }
    return finish(fields, peaks, fallbackId);
  }

  /** Shared tail of MSP and SDF parsing: peak checks, declared count, record. */
  public ParseOutcome finish(RecordFields fields, PeakParser.Peaks peaks, String fallbackId) {
    String id = idOf(fields, fallbackId);
    Integer declared = fields.integer("num_peaks");
    if (peaks.size() == 0) {
      return ParseOutcome.rejected(
          MspRejects.NO_PEAKS,
          "record has no peaks" + (declared != null ? " (Num Peaks: " + declared + ")" : ""),
          id);
    }
    double[] mz = peaks.mz();
    double[] in = peaks.intensity();
    for (int i = 0; i < mz.length; i++) {
      if (!Double.isFinite(mz[i]) || !Double.isFinite(in[i]) || mz[i] <= 0 || in[i] < 0) {
        return ParseOutcome.rejected(
            MspRejects.NEGATIVE_OR_NONFINITE_PEAK,
            "peak "
                + (i + 1)
                + " is ("
                + mz[i]
                + ", "
                + in[i]
                + "): m/z must be > 0 and intensity >= 0, both finite",
            id);
      }
    }
    if (declared != null && declared != mz.length) {
      String msg = "Num Peaks says " + declared + " but " + mz.length + " peaks were read";
      if (mismatchPolicy == NumPeaksMismatch.REJECT) {
        return ParseOutcome.rejected(MspRejects.NUM_PEAKS_MISMATCH, msg, id);
      }
      fields.warn(MspRejects.NUM_PEAKS_MISMATCH + ": " + msg);
    }
    return ParseOutcome.accepted(fields.toRecord(fallbackId, mz, in, declared));
  }

  private static String idOf(RecordFields f, String fallbackId) {
    return RecordIds.of(f, fallbackId);
  }

  /** A header line: {@code key: value} where the key does not start like a number. */
  private static boolean isKeyLine(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    char c = line.strip().charAt(0);
    return !Character.isDigit(c) && c != '(' && c != '.' && c != '-' && c != '+';
  }

  static String clip(String s) {
    String t = s.strip();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }
}
