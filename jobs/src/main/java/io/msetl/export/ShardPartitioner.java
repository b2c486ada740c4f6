package io.msetl.export;

import org.apache.spark.Partitioner;

/** Sends each sample's global number to its shard's partition: exactly one shard per Spark task. */
final class ShardPartitioner extends Partitioner {
  private final ShardPlan plan;

  ShardPartitioner(ShardPlan plan) {
    this.plan = plan;
  }

  @Override
  public int numPartitions() {
    return plan.totalShards();
  }

  @Override
  public int getPartition(Object key) {
    return plan.partitionOf((Long) key);
  }

  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
