package io.msetl.export.sqlite;

import io.msetl.export.ShardFormat;
import io.msetl.export.ShardSink;
import io.msetl.export.ShardSpec;
import java.io.IOException;
import java.nio.file.Path;

/** One self-contained SQLite file per shard (format: docs/shard-format.md). */
public final class SqliteShardFormat implements ShardFormat {
  public static final String NAME = "sqlite";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ShardSink open(ShardSpec spec, Path dir) throws IOException {
    return new SqliteShardSink(spec, dir.resolve(spec.baseName() + ".sqlite"));
  }
}
