package io.msetl.msp;

/**
 * What separates two raw records in a text library. A record is a maximal run of lines that are not
 * separator lines; it starts at the first non-separator line after a separator line (or at the
 * start of the file). The rule is line-based, never keyword-based, because MSP dialects start
 * records with {@code Name:}, {@code INCHIKEY:}, {@code SCANNUMBER:}, ...
 */
public enum RecordBoundary {
  /** MSP: one or more blank (whitespace-only) lines, whatever the line ends. */
  BLANK_LINE {
    @Override
    public boolean isSeparator(byte[] line, int from, int to) {
      for (int i = from; i < to; i++) {
        if (!isSpace(line[i])) {
          return false;
        }
      }
      return true;
    }
  },
  /**
   * SDF: a {@code $$$$} line (trailing whitespace / CR allowed). Blank lines stay inside records.
   */
  DOLLARS {
    @Override
    public boolean isSeparator(byte[] line, int from, int to) {
      int end = to;
      while (end > from && isSpace(line[end - 1])) {
        end--;
      }
      if (end - from != 4) {
        return false;
      }
      for (int i = from; i < end; i++) {
        if (line[i] != '$') {
          return false;
        }
      }
      return true;
    }
  },
  /** MassBank record files: a record ends at a {@code //} line (one record per file, usually). */
  DOUBLE_SLASH {
    @Override
    public boolean isSeparator(byte[] line, int from, int to) {
      return trimmedEquals(line, from, to, "//");
    }
  },
  /** MGF: a block ends at its {@code END IONS} line; blank lines stay inside records. */
  END_IONS {
    @Override
    public boolean isSeparator(byte[] line, int from, int to) {
      return trimmedEquals(line, from, to, "END IONS");
    }
  };

  /** True when the line, without surrounding whitespace, is {@code word} (ASCII, any case). */
  static boolean trimmedEquals(byte[] line, int from, int to, String word) {
    int a = from;
    int b = to;
    while (a < b && isSpace(line[a])) {
      a++;
    }
    while (b > a && isSpace(line[b - 1])) {
      b--;
    }
    if (b - a != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.toUpperCase((char) line[a + i]) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param from first byte of the line, @param to end of the line (terminator excluded or not)
   */
  public abstract boolean isSeparator(byte[] line, int from, int to);

  static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0x0B;
  }

  /** True when the bytes hold nothing but whitespace: such a "record" carries no data. */
  public static boolean isBlank(byte[] bytes, int from, int to) {
    return BLANK_LINE.isSeparator(bytes, from, to);
  }
}
