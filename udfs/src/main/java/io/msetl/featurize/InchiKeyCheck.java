package io.msetl.featurize;

/**
 * How a declared InChIKey is compared with the computed one.
 *
 * <p>The default compares the first block (the connectivity skeleton, 14 characters): libraries
 * often declare keys computed from a source with different stereo or protonation layers than the
 * drawn structure, which is not a different compound; a different skeleton is. The same first block
 * is the split group key, so the check guards exactly what matters for leakage.
 */
public enum InchiKeyCheck {
  /** Flag when the first 14 characters differ (default). */
  FIRST_BLOCK,
  /** Flag when any character of the 27-character key differs. */
  FULL,
  /** Never flag. */
  OFF
}
