package io.msetl.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.msetl.errors.InvalidInputException;
import io.msetl.verify.VerifierPicks;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardPlanTest {
  // Splits in ascending name order: test (5 samples), train (9), val (0).
  private final ShardPlan plan =
      new ShardPlan(List.of("test", "train", "val"), new long[] {5, 9, 0}, 4);

  @Test
  void eachSplitGetsCeilingOfSamplesOverRowsShardsAndAnEmptySplitNone() {
    assertEquals(2, plan.shardCount("test"));
    assertEquals(3, plan.shardCount("train"));
    assertEquals(0, plan.shardCount("val"));
    assertEquals(5, plan.totalShards());
  }

  @Test
  void globalSampleNumbersMapToTheirSplitsShardPartition() {
    assertEquals(0, plan.partitionOf(3));
    assertEquals(1, plan.partitionOf(4));
    assertEquals(2, plan.partitionOf(5));
    assertEquals(4, plan.partitionOf(13));
  }

  @Test
  void aPartitionKnowsItsSplitShardIndexFirstSampleAndOffset() {
    assertEquals(new ShardPlan.ShardSlot("train", 1, 3, 4, 5), plan.slot(3));
    assertEquals(new ShardPlan.ShardSlot("test", 1, 2, 4, 0), plan.slot(1));
  }

  @Test
  void shardSizesAcceptBinaryUnits() {
    assertEquals(256L << 20, ExportCommand.parseSize("256m"));
    assertEquals(1L << 30, ExportCommand.parseSize("1G"));
    assertEquals(4096, ExportCommand.parseSize("4k"));
    assertEquals(1000, ExportCommand.parseSize("1000"));
    assertThrows(InvalidInputException.class, () -> ExportCommand.parseSize("big"));
  }

  @Test
  void formatsParseBothNamesEveryFormatAndAnUnknownFormatIsAUsageError() {
    assertEquals(
        List.of("sqlite"), ShardFormats.parse("SQLite").stream().map(ShardFormat::name).toList());
    assertEquals(
        List.of("lightdb", "sqlite"),
        ShardFormats.parse("both").stream().map(ShardFormat::name).toList());
    assertEquals(
        List.of("lightdb", "sqlite"),
        ShardFormats.parse("sqlite, lightdb").stream().map(ShardFormat::name).toList());
    assertEquals(
        "unknown shard format 'csv' (use sqlite, lightdb or both)",
        assertThrows(InvalidInputException.class, () -> ShardFormats.parse("csv")).getMessage());
  }

  @Test
  void verifyPicksFirstLastAndEvenlySpacedSamples() {
    assertEquals(List.of(10L, 13L, 16L, 19L), VerifierPicks.pick(10, 10, 4));
    assertEquals(List.of(7L, 8L), VerifierPicks.pick(7, 2, 16));
    assertEquals(List.of(), VerifierPicks.pick(0, 0, 16));
  }
}
