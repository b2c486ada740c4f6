package io.msetl.split;

import java.util.Locale;

/** What a compound's split is a function of. */
public enum SplitMethod {
  /**
   * First block of the InChIKey (the connectivity layer): stereoisomers, isotopologues and
   * replicate spectra of one molecule always share a split, so nothing leaks between splits.
   */
  INCHIKEY_BLOCK1,
  /** Bemis-Murcko scaffold: harder generalisation test; acyclic molecules group by structure. */
  SCAFFOLD,
  /**
   * The compound id: a plain random split (replicates of one molecule may land in different
   * splits).
   */
  RANDOM_ID;

  public static SplitMethod parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown split method '" + text + "' (use inchikey_block1, scaffold or random_id)");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
