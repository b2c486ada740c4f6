package io.msetl.featurize;

/**
 * Outcome of {@link MoleculeFeaturizer#featurize}. {@code features} is null for every reject except
 * {@code EMBED_FAILED}, where the graph is still returned (without coordinates).
 */
public record FeaturizeResult(
    MoleculeFeatures features, String rejectReason, String rejectMessage) {

  public boolean isRejected() {
    return rejectReason != null;
  }
}
