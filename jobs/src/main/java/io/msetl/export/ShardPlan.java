package io.msetl.export;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Where every sample goes. Samples of all splits are numbered in one sequence ordered by (split,
 * compound id, spectrum content); split s owns global numbers offset[s]..offset[s]+count[s]-1 and
 * its sample index is the global number minus offset[s]. Shard k of split s holds sample indexes
 * k*R..k*R+R-1 and is Spark partition base[s]+k.
 */
final class ShardPlan implements Serializable {
  private final String[] splits;
  private final long[] offsets;
  private final long[] counts;
  private final int[] bases;
  private final int[] shardCounts;
  private final long rowsPerShard;

  /**
   * The plan for the given splits.
   *
   * @param splits split names in ascending order
   * @param counts samples per split
   */
  ShardPlan(List<String> splits, long[] counts, long rowsPerShard) {
    this.splits = splits.toArray(String[]::new);
    this.counts = counts.clone();
    this.rowsPerShard = rowsPerShard;
    offsets = new long[counts.length];
    bases = new int[counts.length];
    shardCounts = new int[counts.length];
    long offset = 0;
    int base = 0;
    for (int s = 0; s < counts.length; s++) {
      offsets[s] = offset;
      bases[s] = base;
      shardCounts[s] = (int) ((counts[s] + rowsPerShard - 1) / rowsPerShard);
      offset += counts[s];
      base += shardCounts[s];
    }
  }

  long rowsPerShard() {
    return rowsPerShard;
  }

  int totalShards() {
    return Arrays.stream(shardCounts).sum();
  }

  int shardCount(String split) {
    int s = Arrays.asList(splits).indexOf(split);
    return s < 0 ? 0 : shardCounts[s];
  }

  int partitionOf(long global) {
    int s = splitOfSample(global);
    return bases[s] + (int) ((global - offsets[s]) / rowsPerShard);
  }

  /**
   * The shard a Spark partition writes, with the offset that turns global numbers into sample
   * indexes.
   */
  ShardSlot slot(int partition) {
    for (int s = splits.length - 1; s >= 0; s--) {
      if (shardCounts[s] > 0 && partition >= bases[s]) {
        int k = partition - bases[s];
        return new ShardSlot(splits[s], k, shardCounts[s], k * rowsPerShard, offsets[s]);
      }
    }
    throw new IllegalArgumentException("no shard for partition " + partition);
  }

  private int splitOfSample(long global) {
    for (int s = splits.length - 1; s >= 0; s--) {
      if (counts[s] > 0 && global >= offsets[s]) {
        return s;
      }
    }
    throw new IllegalArgumentException("sample " + global + " is outside the plan");
  }

  /**
   * One shard: split, its index and count, its first sample index, and the split's global offset.
   */
  record ShardSlot(String split, int shardIndex, int shardCount, long firstSample, long offset) {}
}
