package io.msetl.tables;

import java.util.Locale;

/** How tables are stored: Delta Lake (default: versioned, time travel) or plain Parquet. */
public enum TableFormat {
  DELTA,
  PARQUET;

  /**
   * Parses {@code delta} / {@code parquet}, case-insensitively, with a one-line error otherwise.
   */
  public static TableFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown table format '" + text + "' (use delta or parquet)");
    }
  }

  public String sparkFormat() {
    return name().toLowerCase(Locale.ROOT);
  }
}
