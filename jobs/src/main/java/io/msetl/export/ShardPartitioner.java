package io.msetl.export;

import org.apache.spark.Partitioner;

/** Sends sample index i to partition i / rowsPerShard: exactly one shard per Spark task. */
final class ShardPartitioner extends Partitioner {
  private final long rowsPerShard;
  private final int shards;

  ShardPartitioner(long rowsPerShard, int shards) {
    this.rowsPerShard = rowsPerShard;
    this.shards = shards;
  }

  @Override
  public int numPartitions() {
    return shards;
  }

  @Override
  public int getPartition(Object key) {
    return (int) ((Long) key / rowsPerShard);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShardPartitioner p && p.rowsPerShard == rowsPerShard && p.shards == shards;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(rowsPerShard) * 31 + shards;
  }
}
