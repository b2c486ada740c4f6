package io.msetl.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Tests that check msetl against an independent tool (Debian's python3-rdkit, the InChI Trust's
 * inchi_main, pyflakes) skip when the tool is missing on a developer's machine, and fail in CI,
 * where {@code .ci/run} installs the tools and exports {@value #REQUIRE}=1, so a broken install can
 * never turn the checks off unnoticed.
 */
public final class Oracles {
  public static final String REQUIRE = "MSETL_REQUIRE_ORACLES";

  private Oracles() {}

  /** Goes on when {@code available}; otherwise skips, or fails under {@value #REQUIRE}=1. */
  public static void assumeAvailable(boolean available, String whatIsMissing) {
    if (available) {
      return;
    }
    if ("1".equals(System.getenv(REQUIRE))) {
      fail(whatIsMissing + ", and " + REQUIRE + "=1 requires it");
    }
    abort(whatIsMissing + "; check skipped (" + REQUIRE + "=1 makes this a failure)");
  }
}
