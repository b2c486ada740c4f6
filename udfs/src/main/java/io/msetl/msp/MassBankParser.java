package io.msetl.msp;

import java.util.Locale;

/**
 * Parses one native MassBank record ({@code ACCESSION:} ... {@code PK$PEAK:} ... {@code //}) into
 * the same {@link MspRecord} an MSP record gives. Lines are {@code TAG: value}; {@code CH$LINK},
 * {@code AC$MASS_SPECTROMETRY}, {@code AC$CHROMATOGRAPHY} and {@code MS$FOCUSED_ION} values start
 * with a subtag ({@code ION_MODE POSITIVE}); indented lines continue the tag above them, which is
 * how the peak list ({@code PK$PEAK: m/z int. rel.int.}) and multi-line {@code PK$ANNOTATION}
 * blocks are written. The intensity is the {@code int.} column (rel.int. is its rounded rescaling).
 *
 * <table>
 *   <caption>MassBank tags mapped to record fields</caption>
 *   <tr><td>ACCESSION</td><td>record id</td></tr>
 *   <tr><td>CH$NAME (first / others)</td><td>name / synonyms</td></tr>
 *   <tr><td>CH$FORMULA, CH$EXACT_MASS, CH$SMILES, CH$IUPAC</td>
 *       <td>formula, exact_mass, smiles, inchi</td></tr>
 *   <tr><td>CH$LINK: INCHIKEY / CAS</td><td>inchikey / cas</td></tr>
 *   <tr><td>AC$INSTRUMENT, AC$INSTRUMENT_TYPE</td><td>instrument, instrument_type</td></tr>
 *   <tr><td>AC$MASS_SPECTROMETRY: MS_TYPE / ION_MODE / COLLISION_ENERGY</td>
 *       <td>spectrum_type / ion_mode / collision_energy</td></tr>
 *   <tr><td>MS$FOCUSED_ION: PRECURSOR_M/Z / PRECURSOR_TYPE</td>
 *       <td>precursor_mz / precursor_type</td></tr>
 *   <tr><td>PK$NUM_PEAK, PK$SPLASH, LICENSE, AUTHORS, COMMENT</td>
 *       <td>num_peaks, splash, license, authors, comments</td></tr>
 * </table>
 *
 * Every other tag is kept in the metadata map as written ({@code AC$CHROMATOGRAPHY RETENTION_TIME}
 * for subtagged ones). A record with a {@code DEPRECATED:} line (MassBank keeps withdrawn records)
 * is rejected {@value MspRejects#DEPRECATED_RECORD}.
 */
public final class MassBankParser implements java.io.Serializable {
  private final MspParser tail;

  public MassBankParser(NumPeaksMismatch policy) {
    this.tail = new MspParser(policy);
  }

  public ParseOutcome parse(String text, String fallbackId) {
    RecordFields f = new RecordFields();
    PeakParser.Peaks peaks = new PeakParser.Peaks();
    String tag = null;
    String badLine = null;
    String deprecated = null;
    boolean firstName = true;
    for (String line : text.split("\r\n|\r|\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.strip().equals("//")) {
        break;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if ("PK$PEAK".equals(tag)) {
          if (!PeakParser.parseLine(line, peaks) && badLine == null) {
            badLine = line;
          }
        } else if (tag != null) {
          f.add(tag, line.strip());
        } else {
          f.warn("UNPARSED_HEADER_LINE: '" + MspParser.clip(line) + "'");
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        f.add("unparsed_lines", line.strip());
        f.warn("UNPARSED_HEADER_LINE: '" + MspParser.clip(line) + "'");
        continue;
      }
      tag = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      switch (tag) {
        case "ACCESSION" -> f.add("accession", value);
        case "CH$NAME" -> {
          f.add(firstName ? "name" : "synonyms", value);
          firstName = false;
        }
        case "CH$FORMULA" -> f.add("formula", value);
        case "CH$EXACT_MASS" -> f.add("exact_mass", value);
        case "CH$SMILES" -> f.add("smiles", value);
        case "CH$IUPAC" -> f.add("inchi", value);
        case "CH$LINK" -> subtagged(f, tag, value);
        case "AC$INSTRUMENT" -> f.add("instrument", value);
        case "AC$INSTRUMENT_TYPE" -> f.add("instrument_type", value);
        case "AC$MASS_SPECTROMETRY", "MS$FOCUSED_ION", "AC$CHROMATOGRAPHY" ->
            subtagged(f, tag, value);
        case "PK$NUM_PEAK" -> f.add("num_peaks", value);
        case "PK$SPLASH" -> f.add("splash", value);
        case "LICENSE" -> f.add("license", value);
        case "AUTHORS" -> f.add("authors", value);
        case "COMMENT" -> f.add("comments", value);
        case "DEPRECATED" -> deprecated = value;
        case "PK$PEAK" -> {} // the header of the peak columns; the peaks follow, indented
        default -> f.add(tag, value);
      }
    }
    String id = RecordIds.of(f, fallbackId);
    if (deprecated != null) {
      return ParseOutcome.rejected(
          MspRejects.DEPRECATED_RECORD,
          "MassBank marks the record deprecated: " + MspParser.clip(deprecated),
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

  /** {@code TAG: SUBTAG value}: known subtags to their columns, the rest to metadata. */
  private static void subtagged(RecordFields f, String tag, String value) {
    int space = value.indexOf(' ');
    String sub = space < 0 ? value : value.substring(0, space);
    String rest = space < 0 ? "" : value.substring(space + 1).strip();
    String column =
        switch (tag + " " + sub.toUpperCase(Locale.ROOT)) {
          case "CH$LINK INCHIKEY" -> "inchikey";
          case "CH$LINK CAS" -> "cas";
          case "AC$MASS_SPECTROMETRY MS_TYPE" -> "spectrum_type";
          case "AC$MASS_SPECTROMETRY ION_MODE" -> "ion_mode";
          case "AC$MASS_SPECTROMETRY COLLISION_ENERGY" -> "collision_energy";
          case "AC$MASS_SPECTROMETRY IONIZATION" -> "ionization";
          case "MS$FOCUSED_ION PRECURSOR_M/Z" -> "precursor_mz";
          case "MS$FOCUSED_ION PRECURSOR_TYPE" -> "precursor_type";
          default -> tag + " " + sub;
        };
    f.add(column, rest);
  }
}
