package io.msetl.msp;

/**
 * Parses one MGF block ({@code BEGIN IONS}, {@code KEY=value} lines, peak lines; the reader has
 * consumed its {@code END IONS}) into the same {@link MspRecord} an MSP record gives. Keys go
 * through the MSP alias table ({@code PEPMASS}/{@code PRECURSOR_MZ} → precursor_mz, {@code
 * NAME}/{@code COMPOUND_NAME} → name, {@code SPECTRUMID}/{@code SPECTRUM_ID} → the record id,
 * {@code IONMODE}, {@code SMILES}, {@code INCHI}, {@code INCHIKEY}, {@code ADDUCT}, ...). {@code
 * PEPMASS=787.8 880650.4} (m/z and intensity) gives its m/z. Lines starting with {@code #}, {@code
 * ;}, {@code !} or {@code /} are comments. Text before {@code BEGIN IONS} (a file's global
 * parameters, blank lines) belongs to no block and is not applied to blocks: Mascot-style globals
 * ({@code CHARGE=2+ and 3+}, {@code ITOL}) are search settings, not facts about a spectrum.
 */
public final class MgfParser implements java.io.Serializable {
  private final MspParser tail;

  public MgfParser(NumPeaksMismatch policy) {
    this.tail = new MspParser(policy);
  }

  public ParseOutcome parse(String text, String fallbackId) {
    RecordFields f = new RecordFields();
    PeakParser.Peaks peaks = new PeakParser.Peaks();
    boolean inBlock = false;
    String badLine = null;
    String stray = null;
    for (String line : text.split("\r\n|\r|\n")) {
      String t = line.strip();
      if (t.isEmpty() || isComment(t)) {
        continue;
      }
      if (!inBlock) {
        if (t.equalsIgnoreCase("BEGIN IONS")) {
          inBlock = true;
        } else if (t.indexOf('=') < 0 && stray == null) {
          stray = t; // neither a global parameter nor a block: not MGF text
        }
        continue;
      }
      if (t.equalsIgnoreCase("END IONS")) {
        break;
      }
      if (PeakParser.looksLikePeakLine(t)) {
        if (!PeakParser.parseLine(t, peaks) && badLine == null) {
          badLine = t;
        }
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0) {
        f.add("unparsed_lines", t);
        f.warn("UNPARSED_HEADER_LINE: '" + MspParser.clip(t) + "'");
        continue;
      }
      String key = t.substring(0, eq);
      String value = t.substring(eq + 1).strip();
      if ("precursor_mz".equals(MspKeys.canonicalOrNull(key))) {
        int space = value.indexOf(' ');
        if (space > 0) {
          f.add("precursor_intensity", value.substring(space + 1).strip());
          value = value.substring(0, space); // PEPMASS=m/z intensity
        }
      }
      f.add(key, value);
    }
    String id = RecordIds.of(f, fallbackId);
    if (!inBlock) {
      return ParseOutcome.rejected(
          MspRejects.MALFORMED_BLOCK,
          stray != null
              ? "text outside any BEGIN IONS block: '" + MspParser.clip(stray) + "'"
              : "global parameters without a BEGIN IONS block",
          id);
    }
    if (badLine != null) {
      return ParseOutcome.rejected(
          MspRejects.UNPARSEABLE_PEAK_LINE,
          "peak line not in any known syntax: '" + MspParser.clip(badLine) + "'",
          id);
    }
    return tail.finish(f, peaks, fallbackId);
  }

  private static boolean isComment(String t) {
    char c = t.charAt(0);
    return c == '#' || c == ';' || c == '!' || c == '/';
  }
}
