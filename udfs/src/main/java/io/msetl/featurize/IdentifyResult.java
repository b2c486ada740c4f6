package io.msetl.featurize;

/**
 * Outcome of {@link MoleculeIdentifier#identify}. {@code identity} is null when the structure could
 * not be read; it is filled for {@code TOO_LARGE} and {@code INCHIKEY_MISMATCH} so the rejects
 * table can say which molecule it was.
 */
public record IdentifyResult(MoleculeIdentity identity, String rejectReason, String rejectMessage) {

  public boolean isRejected() {
    return rejectReason != null;
  }
}
