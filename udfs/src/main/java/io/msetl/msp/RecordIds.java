package io.msetl.msp;

import java.util.List;

/**
 * The one rule for a record's id, for every format: the first present of the fields {@code ID},
 * {@code DB#}, {@code NIST#}, MassBank {@code ACCESSION}, MGF {@code SPECTRUMID}; then the same
 * keys hidden in a comment pair ({@code Comments: "DB#=..."}) or an SDF molfile header line ({@code
 * Library ID = 4}); else {@code <file name>#<ordinal>}. An explicit field always beats a hidden
 * one, so adding comments to a library never renumbers it.
 */
public final class RecordIds {
  private RecordIds() {}

  /** Canonical keys naming a record, in precedence order. */
  public static final List<String> KEYS =
      List.of("id", "db_number", "nist_number", "accession", "spectrum_id");

  public static String of(RecordFields f, String fallbackId) {
    for (String k : KEYS) {
      String v = f.field(k);
      if (v != null) {
        return v;
      }
    }
    for (String k : KEYS) {
      String v = f.hiddenValue(k);
      if (v != null) {
        return v;
      }
    }
    return fallbackId;
  }
}
