package io.msetl.export.lightdb;

import io.msetl.export.ShardFormat;
import io.msetl.export.ShardSink;
import io.msetl.export.ShardSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * LightDB shards (docs/shard-format.md): per shard an index {@code .ldb} (key = sample index, data
 * = payload offsets, CRCs and the small fields training filters on) and a {@code .dat} payload with
 * the arrays and texts.
 */
public final class LightDbShardFormat implements ShardFormat {
  public static final String NAME = "lightdb";
  public static final String INDEX_SUFFIX = ".ldb";
  public static final String PAYLOAD_SUFFIX = ".dat";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ShardSink open(ShardSpec spec, Path dir) throws IOException {
    return new LightDbShardSink(spec, dir);
  }

  /** The kind of a file this format wrote, from its name: index or payload. */
  public static String role(String fileName) {
    if (fileName.endsWith(INDEX_SUFFIX)) {
      return "index";
    }
    return fileName.endsWith(PAYLOAD_SUFFIX) ? "payload" : "unknown";
  }
}
