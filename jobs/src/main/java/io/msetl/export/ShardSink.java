package io.msetl.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One shard being written: samples arrive in ascending, contiguous sample-index order. */
public interface ShardSink extends AutoCloseable {
  void add(long sampleIndex, ExportSample sample) throws IOException;

  /** Completes the shard and returns its files (in the order the manifest should list them). */
  List<Path> finish() throws IOException;

  /** Releases resources; after a failure, leaves no usable-looking file behind. */
  @Override
  void close();
}
