package io.msetl.featurize;

import java.io.Serializable;

/**
 * Everything that changes what the featurizer produces. Immutable; change one setting with the
 * {@code with...} methods. Serializable so that Spark ships it to executors.
 *
 * @param fragmentPolicy salt/solvent handling, default {@link FragmentPolicy#LARGEST_ORGANIC}
 * @param inchiKeyCheck declared-vs-computed InChIKey comparison, default first block
 * @param maxHeavyAtoms larger molecules are rejected {@code TOO_LARGE} (default 200)
 * @param explicitHydrogens graph nodes include hydrogens (default false: heavy atoms only)
 * @param conformers compute 3D coordinates at all (default true)
 * @param maxHeavyAtomsFor3D larger molecules get {@code SKIPPED_TOO_LARGE}, no embedding (100)
 * @param maxEmbedAttempts ETKDG attempts per embedding ({@code EmbedParameters.maxIterations}); the
 *     deterministic bound on embedding cost (default 50; RDKit's own default is 10 x atoms, which
 *     makes failing molecules cost 5-20 s)
 * @param randomCoordsRetry retry a failed embedding from random coordinates (default true)
 * @param fallbackTo2D when both embeddings fail, store 2D depiction coordinates with status
 *     FALLBACK_2D instead of FAILED (default false)
 * @param optimize MMFF94 (UFF when MMFF lacks parameters) after embedding (true)
 * @param forceFieldIterations optimiser iterations (default 200)
 * @param embedTimeLimitMillis wall-time safety net: when a failed embedding took longer than this,
 *     the fallbacks are skipped and the status is TIMEOUT; 0 disables it. Generous (default 60 s)
 *     so that it never fires on a normal machine; a running native call cannot be interrupted
 * @param embedFailurePolicy keep or reject molecules without coordinates (default KEEP)
 * @param rdkitLibrary optional path of a user RDKit build (libGraphMolWrap.so), null for the
 *     bundled one
 */
public record FeaturizerConfig(
    FragmentPolicy fragmentPolicy,
    InchiKeyCheck inchiKeyCheck,
    int maxHeavyAtoms,
    boolean explicitHydrogens,
    boolean conformers,
    int maxHeavyAtomsFor3D,
    int maxEmbedAttempts,
    boolean randomCoordsRetry,
    boolean fallbackTo2D,
    boolean optimize,
    int forceFieldIterations,
    long embedTimeLimitMillis,
    EmbedFailurePolicy embedFailurePolicy,
    String rdkitLibrary)
    implements Serializable {

  public FeaturizerConfig {
    if (fragmentPolicy == null || inchiKeyCheck == null || embedFailurePolicy == null) {
      throw new IllegalArgumentException(
          "fragmentPolicy, inchiKeyCheck and embedFailurePolicy " + "must be set");
    }
    if (maxHeavyAtoms < 1
        || maxHeavyAtomsFor3D < 1
        || maxEmbedAttempts < 1
        || forceFieldIterations < 0
        || embedTimeLimitMillis < 0) {
      throw new IllegalArgumentException(
          "featurizer limits must be positive: maxHeavyAtoms="
              + maxHeavyAtoms
              + ", maxHeavyAtomsFor3D="
              + maxHeavyAtomsFor3D
              + ", maxEmbedAttempts="
              + maxEmbedAttempts
              + ", forceFieldIterations="
              + forceFieldIterations
              + ", embedTimeLimitMillis="
              + embedTimeLimitMillis);
    }
  }

  public static FeaturizerConfig defaults() {
    return new FeaturizerConfig(
        FragmentPolicy.LARGEST_ORGANIC,
        InchiKeyCheck.FIRST_BLOCK,
        200,
        false,
        true,
        100,
        50,
        true,
        false,
        true,
        200,
        60_000L,
        EmbedFailurePolicy.KEEP,
        null);
  }

  public FeaturizerConfig withFragmentPolicy(FragmentPolicy v) {
    return new FeaturizerConfig(
        v,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withInchiKeyCheck(InchiKeyCheck v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        v,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withMaxHeavyAtoms(int v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        v,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withExplicitHydrogens(boolean v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        v,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withConformers(boolean v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        v,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withMaxHeavyAtomsFor3D(int v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        v,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withMaxEmbedAttempts(int v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        v,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withRandomCoordsRetry(boolean v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        v,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withFallbackTo2D(boolean v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        v,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withOptimize(boolean v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        v,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withForceFieldIterations(int v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        v,
        embedTimeLimitMillis,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withEmbedTimeLimitMillis(long v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        v,
        embedFailurePolicy,
        rdkitLibrary);
  }

  public FeaturizerConfig withEmbedFailurePolicy(EmbedFailurePolicy v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        v,
        rdkitLibrary);
  }

  public FeaturizerConfig withRdkitLibrary(String v) {
    return new FeaturizerConfig(
        fragmentPolicy,
        inchiKeyCheck,
        maxHeavyAtoms,
        explicitHydrogens,
        conformers,
        maxHeavyAtomsFor3D,
        maxEmbedAttempts,
        randomCoordsRetry,
        fallbackTo2D,
        optimize,
        forceFieldIterations,
        embedTimeLimitMillis,
        embedFailurePolicy,
        v);
  }
}
