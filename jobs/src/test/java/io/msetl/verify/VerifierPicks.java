package io.msetl.verify;

import java.util.List;

/** Test access to the verifier's sample choice. */
public final class VerifierPicks {
  private VerifierPicks() {}

  public static List<Long> pick(long first, long count, int perShard) {
    return Verifier.pick(first, count, perShard);
  }
}
