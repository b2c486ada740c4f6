package io.msetl.build.incremental;

import java.util.Locale;

/**
 * No mass deletion by accident: a run whose input would delete more than a share of the compounds
 * (a wrong path, a half-copied library, a MOL folder that no longer matches) stops before its first
 * commit, unless deletions are allowed explicitly.
 */
public final class DeletionGuard {
  private DeletionGuard() {}

  /** Thrown before anything is written; its message is the one line the CLI prints. */
  public static final class MassDeletionException extends RuntimeException {
    MassDeletionException(String message) {
      super(message);
    }
  }

  /**
   * @param maxShare the largest share of the previous compounds a run may delete, 0..1
   * @throws MassDeletionException when the plan deletes more and {@code allowDeletes} is false
   */
  public static void check(BuildChanges.Counts c, double maxShare, boolean allowDeletes) {
    if (allowDeletes || c.previousCompounds() == 0) {
      return;
    }
    double share = c.compoundsDeleted() / (double) c.previousCompounds();
    if (share > maxShare) {
      throw new MassDeletionException(
          String.format(
              Locale.ROOT,
              "this input would delete %,d of the %,d compounds (%.1f %%, more than the %.1f %%"
                  + " allowed); nothing was written. Check --input (a wrong path, a half-copied"
                  + " library, a MOL folder that no longer matches?), or pass --allow-deletes if"
                  + " the deletions are intended",
              c.compoundsDeleted(),
              c.previousCompounds(),
              100 * share,
              100 * maxShare));
    }
  }
}
