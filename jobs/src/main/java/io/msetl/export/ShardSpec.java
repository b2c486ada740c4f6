package io.msetl.export;

import java.io.Serializable;
import java.util.Map;

/**
 * What one shard is: which split, its place among the split's shards, the sample index of its first
 * row (sample indexes are contiguous over a split), and the key/value metadata every shard of the
 * export carries (JSON texts: feature schema, versions, table versions, config).
 */
public record ShardSpec(
    String split, int shardIndex, int shardCount, long firstSample, Map<String, String> meta)
    implements Serializable {

  public ShardSpec {
    meta = Map.copyOf(meta);
  }

  /** {@code train-00002-of-00010}: sorts in shard order and names its siblings' count. */
  public String baseName() {
    return String.format("%s-%05d-of-%05d", split, shardIndex, shardCount);
  }
}
