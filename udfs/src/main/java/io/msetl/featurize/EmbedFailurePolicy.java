package io.msetl.featurize;

/** Whether a molecule without a usable 3D conformer stays in the tables. */
public enum EmbedFailurePolicy {
  /** Keep it with its {@link ConformerStatus} and null coordinates (default). */
  KEEP,
  /** Reject it with {@link FeaturizeRejects#EMBED_FAILED} (FAILED and TIMEOUT statuses). */
  REJECT
}
