package io.msetl.export;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A shard file format (SQLite, LightDB, ...). The exporter hands every format the same samples in
 * the same order, so formats can be added side by side without touching the exporter.
 */
public interface ShardFormat extends Serializable {
  /** The word used in {@code --format} and in the manifest. */
  String name();

  /** Starts a shard whose files are written into the local folder {@code dir}. */
  ShardSink open(ShardSpec spec, Path dir) throws IOException;
}
