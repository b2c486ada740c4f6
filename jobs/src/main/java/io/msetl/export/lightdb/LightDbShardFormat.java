package io.msetl.export.lightdb;

import io.msetl.export.ShardFormat;
import io.msetl.export.ShardSink;
import io.msetl.export.ShardSpec;
import io.msetl.lightdb.LightDbException;
import io.msetl.lightdb.Schema;
import java.io.IOException;
import java.nio.file.Path;

/**
 * LightDB shards (docs/shard-format.md): per shard an index {@code .ldb} (key = sample index, data
 * = payload offsets and the small fields training filters on), a {@code .dat} payload with the
 * arrays, and, when the shard's spectra fit, a BigMatrix-style {@code .spectra.ldb}.
 */
public final class LightDbShardFormat implements ShardFormat {
  public static final String NAME = "lightdb";
  public static final String INDEX_SUFFIX = ".ldb";
  public static final String PAYLOAD_SUFFIX = ".dat";
  public static final String SPECTRA_SUFFIX = ".spectra.ldb";

  /** Spectra files are written only while a page stays this small (32 KiB pages at 1000 bins). */
  public static final int MAX_SPECTRA_PAGE_BYTES = 1 << 20;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ShardSink open(ShardSpec spec, Path dir) throws IOException {
    return new LightDbShardSink(spec, dir);
  }

  /**
   * The spectra file's schema for this many bins, or null when its page would exceed {@link
   * #MAX_SPECTRA_PAGE_BYTES}.
   */
  public static Schema spectraSchemaIfFits(int bins) {
    if (bins <= 0 || bins > MAX_SPECTRA_PAGE_BYTES / 4) {
      return null;
    }
    try {
      Schema s = IndexField.spectraSchema(bins);
      return s.pageByteSize() <= MAX_SPECTRA_PAGE_BYTES ? s : null;
    } catch (LightDbException e) {
      return null;
    }
  }

  /** The kind of a file this format wrote, from its name: index, payload or spectra. */
  public static String role(String fileName) {
    if (fileName.endsWith(SPECTRA_SUFFIX)) {
      return "spectra";
    }
    if (fileName.endsWith(INDEX_SUFFIX)) {
      return "index";
    }
    return fileName.endsWith(PAYLOAD_SUFFIX) ? "payload" : "unknown";
  }
}
