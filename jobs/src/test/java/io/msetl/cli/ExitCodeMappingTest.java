package io.msetl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.msetl.errors.MsetlErrors;
import org.junit.jupiter.api.Test;

/** The CLI alone turns msetl's error types into exit codes and one-line messages. */
class ExitCodeMappingTest {

  @Test
  void invalidUsageIsTwoAndPrintedAsWorded() {
    Exception e = MsetlErrors.notAnExport("/tmp/x");
    assertEquals(2, Msetl.exitCode(e));
    assertEquals(
        "/tmp/x is neither an export (no manifest.json) nor an exports folder (no latest)",
        Msetl.message(e));
  }

  @Test
  void aLockedTablesFolderIsThree() {
    assertEquals(3, Msetl.exitCode(MsetlErrors.tablesLocked("/data/tables", "run r1 on h1")));
  }

  @Test
  void aFailedRunAndAnythingUnexpectedAreOne() {
    assertEquals(1, Msetl.exitCode(MsetlErrors.runFailed("featurize failed", null)));
    assertEquals(1, Msetl.exitCode(new IllegalStateException("boom")));
  }

  @Test
  void anUnexpectedErrorIsNamedByItsInnermostMessage() {
    Exception e = new RuntimeException("wrapper", new java.io.IOException("disk full\nmore"));
    assertEquals("disk full", Msetl.message(e));
  }
}
