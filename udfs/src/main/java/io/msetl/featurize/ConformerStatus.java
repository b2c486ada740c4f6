package io.msetl.featurize;

/**
 * What happened when a 3D conformer was requested; stored per molecule in {@code conformer_status}.
 * Every status except {@link #TIMEOUT} is a deterministic function of the molecule and the
 * configuration.
 */
public enum ConformerStatus {
  /** ETKDGv3 embedding succeeded (and was optimised when configured). */
  OK,
  /** ETKDGv3 failed within its attempt budget; the random-coordinate retry succeeded. */
  OK_RANDOM_COORDS,
  /** Both embeddings failed; coordinates are RDKit 2D depiction coordinates with z = 0. */
  FALLBACK_2D,
  /** Both embeddings failed and no fallback was configured; no coordinates. */
  FAILED,
  /** More heavy atoms than {@link FeaturizerConfig#maxHeavyAtomsFor3D()}; not attempted. */
  SKIPPED_TOO_LARGE,
  /**
   * The wall-time safety net ({@link FeaturizerConfig#embedTimeLimitMillis()}) stopped the
   * fallbacks after a failed embedding ran past it; no coordinates. The only status that depends on
   * machine speed.
   */
  TIMEOUT,
  /** Conformers were switched off in the configuration. */
  NOT_REQUESTED
}
