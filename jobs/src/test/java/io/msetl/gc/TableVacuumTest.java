package io.msetl.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** VACUUM's retention: whole hours, never shorter than the oldest pinned version's age. */
class TableVacuumTest {
  private static final long HOUR = 3_600_000;
  private static final long NOW = 1_000 * HOUR;

  @Test
  void aPinnedVersionKeepsEverythingSinceItsCommitRoundedUpPlusAnHour() {
    // Delta rounds 3.4 h to 3 h; 3.4 h must become 5 h (4 rounded up, 1 for Delta's later clock).
    assertEquals(
        5,
        TableVacuum.retentionHours(
            NOW, OptionalLong.of(NOW - 3 * HOUR - 24 * 60_000), 0, Duration.ZERO));
    assertEquals(
        5,
        TableVacuum.retentionHours(NOW, OptionalLong.of(NOW - 3 * HOUR), 0, Duration.ofMinutes(5)));
  }

  @Test
  void theConfiguredRetentionIsTheFloor() {
    assertEquals(
        168, TableVacuum.retentionHours(NOW, OptionalLong.of(NOW - HOUR), 168, Duration.ZERO));
    assertEquals(168, TableVacuum.retentionHours(NOW, OptionalLong.empty(), 168, Duration.ZERO));
    assertEquals(1, TableVacuum.retentionHours(NOW, OptionalLong.empty(), 0.2, Duration.ZERO));
  }
}
