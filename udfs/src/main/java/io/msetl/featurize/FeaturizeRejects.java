package io.msetl.featurize;

/** Reason codes the featurize stage writes into {@code reject_reason}. */
public final class FeaturizeRejects {
  /** Stage name, the {@code stage} column of the rejects table. */
  public static final String STAGE = "featurize";

  /** The text is not a molecule at all (syntax error, no atoms, unknown structure kind). */
  public static final String UNPARSEABLE_STRUCTURE = "UNPARSEABLE_STRUCTURE";

  /** Parsed, but RDKit sanitization failed (valence, kekulization, aromaticity). */
  public static final String SANITIZE_FAILED = "SANITIZE_FAILED";

  /** More heavy atoms than {@link FeaturizerConfig#maxHeavyAtoms()}. */
  public static final String TOO_LARGE = "TOO_LARGE";

  /** Declared InChIKey disagrees with the one computed from the structure. */
  public static final String INCHIKEY_MISMATCH = "INCHIKEY_MISMATCH";

  /** No 3D conformer and the embed-failure policy is {@link EmbedFailurePolicy#REJECT}. */
  public static final String EMBED_FAILED = "EMBED_FAILED";

  /** RDKit threw where it should not have; the message carries RDKit's text. */
  public static final String RDKIT_ERROR = "RDKIT_ERROR";

  private FeaturizeRejects() {}
}
