package io.msetl.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalizes molblock text so that RDKit can read it, repairing the export faults seen in
 * NIST/lib2nist and MoNA files, and reports every repair it made:
 *
 * <ul>
 *   <li>{@code MOL_HEADER_REALIGNED}: the header is not exactly three lines before the counts line
 *       (extra blank lines after {@code $$$$}, or missing header lines);
 *   <li>{@code MOL_COUNTS_VERSION_ADDED}: NIST SDF counts line without {@code V2000};
 *   <li>{@code MOL_M_END_ADDED}: no {@code M END} (MoNA SDF, truncated MOL files);
 *   <li>{@code MOL_M_END_DEDUPLICATED}: {@code M END} written twice, or anything after it.
 * </ul>
 *
 * Line ends become LF. Nothing else changes (atoms, bonds, properties stay byte-identical).
 */
public final class MolBlocks {
  private static final Pattern COUNTS =
      Pattern.compile("^[ \\d]{2}\\d[ \\d]{2}\\d(?:[ \\d]{3}){0,10}(?:\\s*V[23]000)?\\s*$");

  private MolBlocks() {}

  /** A repaired molblock and the repairs applied (empty when none). */
  public record Normalized(String molblock, int atoms, List<String> repairs) {
    public boolean isEmpty() {
      return atoms == 0;
    }
  }

  /** Normalizes a whole MOL file / SDF molblock text; null when no counts line is found. */
  public static Normalized normalize(String text) {
    return normalize(splitLines(text));
  }

  public static Normalized normalize(List<String> in) {
    List<String> repairs = new ArrayList<>();
    int counts = findCountsLine(in);
    if (counts < 0) {
      return null;
    }
    List<String> out = new ArrayList<>(in.size() + 4);
    if (counts != 3) {
      repairs.add("MOL_HEADER_REALIGNED");
      for (int i = counts; i < 3; i++) {
        out.add("");
      }
      // Keep the three lines just before the counts line when there are too many (extra blanks
      // after $$$$ sit on top); pad with empty header lines when there are too few.
      for (int i = Math.max(0, counts - 3); i < counts; i++) {
        out.add(in.get(i));
      }
    } else {
      out.addAll(in.subList(0, 3));
    }
    String countsLine = in.get(counts);
    boolean v3000 = countsLine.contains("V3000");
    if (!countsLine.contains("V2000") && !v3000) {
      countsLine = withV2000(countsLine);
      repairs.add("MOL_COUNTS_VERSION_ADDED");
    }
    out.add(countsLine);
    int atoms = v3000 ? -1 : parseIntField(countsLine, 0);
    boolean ended = false;
    for (int i = counts + 1; i < in.size(); i++) {
      String line = in.get(i);
      if (line.startsWith("M  END")) {
        out.add("M  END");
        ended = true;
        if (hasContent(in, i + 1)) {
          repairs.add("MOL_M_END_DEDUPLICATED");
        }
        break;
      }
      if (v3000 && line.startsWith("M  V30 COUNTS")) {
        String[] t = line.substring(13).trim().split("\\s+");
        atoms = t.length > 0 ? parseIntOr(t[0], -1) : -1;
      }
      out.add(line);
    }
    if (!ended) {
      while (out.size() > 4 && out.get(out.size() - 1).isBlank()) {
        out.remove(out.size() - 1);
      }
      out.add("M  END");
      repairs.add("MOL_M_END_ADDED");
    }
    return new Normalized(String.join("\n", out) + "\n", atoms, List.copyOf(repairs));
  }

  private static boolean hasContent(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank() && !lines.get(i).startsWith("$$$$")) {
        return true;
      }
    }
    return false;
  }

  /** The counts line: preferably one naming V2000/V3000 at index >= 3, else the NIST form. */
  static int findCountsLine(List<String> lines) {
    int limit = Math.min(lines.size(), 12);
    for (int i = 0; i < limit; i++) {
      String l = lines.get(i);
      if ((l.contains("V2000") || l.contains("V3000")) && COUNTS.matcher(l).matches()) {
        return i;
      }
    }
    for (int i = 3; i < limit; i++) {
      if (COUNTS.matcher(lines.get(i)).matches()) {
        return i;
      }
    }
    return -1;
  }

  /** {@code aaabbblll...} padded to the 11 three-column fields, then {@code V2000}. */
  static String withV2000(String counts) {
    String t = counts.replaceAll("\\s+$", "");
    StringBuilder sb = new StringBuilder(t.length() > 33 ? t.substring(0, 33) : t);
    while (sb.length() % 3 != 0) {
      sb.insert(sb.length() - (sb.length() % 3), ' ');
    }
    while (sb.length() < 33) {
      sb.append(sb.length() == 30 ? "999" : "  0");
    }
    return sb.append(" V2000").toString();
  }

  private static int parseIntField(String line, int field) {
    int from = field * 3;
    if (line.length() < from + 3) {
      return -1;
    }
    return parseIntOr(line.substring(from, from + 3).trim(), -1);
  }

  private static int parseIntOr(String s, int dflt) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  /** Splits on CRLF, LF or CR. */
  public static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = start;
      while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      lines.add(text.substring(start, end));
      start =
          end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n'
              ? end + 2
              : end + 1;
    }
    return lines;
  }
}
