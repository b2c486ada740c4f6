package io.msetl.build.incremental;

import io.msetl.errors.MsetlErrors;

/**
 * No mass deletion by accident: a run whose input would delete more than a share of the compounds
 * (a wrong path, a half-copied library, a MOL folder that no longer matches) stops before its first
 * commit, unless deletions are allowed explicitly.
 */
public final class DeletionGuard {
  private DeletionGuard() {}

  /**
   * @param maxShare the largest share of the previous compounds a run may delete, 0..1
   * @throws io.msetl.errors.RunFailedException when the plan deletes more and {@code allowDeletes}
   *     is false
   */
  public static void check(BuildChanges.Counts c, double maxShare, boolean allowDeletes) {
    if (allowDeletes || c.previousCompounds() == 0) {
      return;
    }
    double share = c.compoundsDeleted() / (double) c.previousCompounds();
    if (share > maxShare) {
      throw MsetlErrors.massDeletion(c.compoundsDeleted(), c.previousCompounds(), share, maxShare);
    }
  }
}
