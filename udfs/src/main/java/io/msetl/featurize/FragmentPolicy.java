package io.msetl.featurize;

/** What to do with multi-fragment structures (salts, solvates, mixtures). */
public enum FragmentPolicy {
  /**
   * Keep the largest organic fragment: among fragments containing carbon (all fragments when none
   * does), the one with most heavy atoms; ties go to the lexicographically smallest canonical
   * SMILES so the choice never depends on atom order. {@code fragments_stripped} records that
   * something was removed.
   */
  LARGEST_ORGANIC,
  /** Featurize the structure as drawn, all fragments together. */
  KEEP_ALL
}
