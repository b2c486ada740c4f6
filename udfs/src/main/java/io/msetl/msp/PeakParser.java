package io.msetl.msp;

/**
 * Parses one peak line in any of the syntaxes found in MSP files: {@code mz int} (tabs or runs of
 * spaces, leading whitespace), several {@code mz int;} pairs per line, {@code mz:int} pairs, {@code
 * (mz int)} and {@code (mz, int)} pairs, a third column holding a quoted or free-text annotation
 * (ignored), scientific notation and decimal m/z. A lone trailing number after a pair (a
 * relative-intensity column) is treated as an annotation. Numbers with a decimal comma ({@code
 * 12,5}) are read as decimals. {@code NaN}/{@code Inf} are read so that they can be rejected as
 * non-finite rather than as unparseable.
 *
 * <p>Written as a hand-rolled scanner (no regex, no substrings per token beyond the number itself)
 * because it runs once per peak line of every library record.
 */
public final class PeakParser {
  private PeakParser() {}

  /** Growable pair of double arrays. */
  public static final class Peaks {
    double[] mz = new double[64];
    double[] intensity = new double[64];
    int size;

    void add(double m, double i) {
      if (size == mz.length) {
        mz = java.util.Arrays.copyOf(mz, size * 2);
        intensity = java.util.Arrays.copyOf(intensity, size * 2);
      }
      mz[size] = m;
      intensity[size] = i;
      size++;
    }

    public int size() {
      return size;
    }

    public double[] mz() {
      return java.util.Arrays.copyOf(mz, size);
    }

    public double[] intensity() {
      return java.util.Arrays.copyOf(intensity, size);
    }
  }

  /** True when the line's first non-blank character can start a peak (a number or '('). */
  public static boolean looksLikePeakLine(String s) {
    int i = skipSpace(s, 0);
    if (i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    if (c == '(') {
      return true;
    }
    if (c == '+' || c == '-') {
      return i + 1 < s.length() && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.');
    }
    return Character.isDigit(c)
        || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
  }

  /**
   * Appends the line's peaks to {@code out}.
   *
   * @return true when the whole line was understood (it may hold zero peaks, e.g. {@code ";"})
   */
  public static boolean parseLine(String s, Peaks out) {
    int n = s.length();
    int i = skipSpace(s, 0);
    while (i < n) {
      char c = s.charAt(i);
      if (c == ';' || c == ')' || c == ',') {
        i = skipSpace(s, i + 1);
        continue;
      }
      boolean paren = c == '(';
      if (paren) {
        i = skipSpace(s, i + 1);
      }
      // Inside "(mz, int)" a comma separates the pair, so it cannot also be a decimal comma.
      int j = scanNumber(s, i, !paren);
      if (j < 0) {
        return false;
      }
      double mz = toDouble(s, i, j);
      i = j;
      int k = i;
      if (k < n && (s.charAt(k) == ':' || paren && s.charAt(k) == ',')) {
        k++;
      }
      k = skipSpace(s, k);
      if (k == i) {
        return false; // number directly followed by something that is not a separator
      }
      int j2 = scanNumber(s, k, !paren);
      if (j2 < 0) {
        return false;
      }
      out.add(mz, toDouble(s, k, j2));
      i = skipSpace(s, j2);
      if (i >= n) {
        break;
      }
      c = s.charAt(i);
      if (c == '"') {
        int close = s.indexOf('"', i + 1);
        i = close < 0 ? n : skipSpace(s, close + 1);
      } else if (c == ';' || c == ')' || c == ',') {
        continue;
      } else if (startsNumber(s, i)) {
        int j3 = scanNumber(s, i);
        int after = j3 < 0 ? -1 : skipSpace(s, j3);
        boolean pairFollows =
            j3 >= 0
                && after < n
                && (s.charAt(j3) == ':' || after > j3)
                && scanNumber(s, s.charAt(j3) == ':' ? skipSpace(s, j3 + 1) : after) >= 0;
        if (!pairFollows) {
          i = skipAnnotation(s, i); // a lone trailing number: third column
        }
      } else {
        i = skipAnnotation(s, i);
      }
    }
    return true;
  }

  private static int skipAnnotation(String s, int i) {
    int semi = s.indexOf(';', i);
    return semi < 0 ? s.length() : semi;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f') {
        break;
      }
      i++;
    }
    return i;
  }

  private static boolean startsNumber(String s, int i) {
    return scanNumber(s, i) >= 0;
  }

  static int scanNumber(String s, int i) {
    return scanNumber(s, i, true);
  }

  /**
   * End index of a number starting at i, or -1. Accepts NaN / Inf / Infinity, and a decimal comma
   * when {@code decimalComma}.
   */
  static int scanNumber(String s, int i, boolean decimalComma) {
    int n = s.length();
    int p = i;
    if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
      p++;
    }
    int word = matchWord(s, p);
    if (word > 0) {
      return p + word;
    }
    int digits = 0;
    while (p < n && Character.isDigit(s.charAt(p))) {
      p++;
      digits++;
    }
    if (p < n
        && (s.charAt(p) == '.' || decimalComma && s.charAt(p) == ',')
        && p + 1 < n
        && Character.isDigit(s.charAt(p + 1))) {
      p++;
      while (p < n && Character.isDigit(s.charAt(p))) {
        p++;
        digits++;
      }
    } else if (p < n && s.charAt(p) == '.') {
      p++;
    }
    if (digits == 0) {
      return -1;
    }
    if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
      int q = p + 1;
      if (q < n && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
        q++;
      }
      int expStart = q;
      while (q < n && Character.isDigit(s.charAt(q))) {
        q++;
      }
      if (q > expStart) {
        p = q;
      }
    }
    return p;
  }

  private static int matchWord(String s, int p) {
    if (p >= s.length()) {
      return 0;
    }
    char c = s.charAt(p);
    if (c != 'n' && c != 'N' && c != 'i' && c != 'I') {
      return 0; // the common case: a digit; no case-insensitive compares per number
    }
    for (String w : new String[] {"infinity", "inf", "nan"}) {
      if (s.regionMatches(true, p, w, 0, w.length())
          && (p + w.length() >= s.length() || !Character.isLetter(s.charAt(p + w.length())))) {
        return w.length();
      }
    }
    return 0;
  }

  private static double toDouble(String s, int from, int to) {
    String t = s.substring(from, to);
    char last = t.charAt(t.length() - 1);
    if (Character.isDigit(last) || last == '.') {
      return Double.parseDouble(t.indexOf(',') >= 0 ? t.replace(',', '.') : t);
    }
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("nan")) {
      return Double.NaN;
    }
    if (lower.endsWith("inf") || lower.endsWith("infinity")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(t.indexOf(',') >= 0 ? t.replace(',', '.') : t);
  }
}
