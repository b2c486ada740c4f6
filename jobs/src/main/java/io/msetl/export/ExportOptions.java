package io.msetl.export;

import io.msetl.tables.TableFormat;
import java.util.List;

/**
 * What to export and how.
 *
 * @param tableVersion {@code latest}, a version N applied to every exported table, or {@code
 *     compounds=N,spectra=M,...} (tables not named use their latest)
 * @param shardRows samples per shard, or 0 to size shards by {@code shardBytes}
 * @param shardBytes target shard file size, used when {@code shardRows} is 0
 */
public record ExportOptions(
    String tables,
    TableFormat tableFormat,
    String tableVersion,
    String out,
    long shardRows,
    long shardBytes,
    List<String> formats,
    List<String> splits) {

  public ExportOptions {
    formats = List.copyOf(formats);
    splits = List.copyOf(splits);
    if (shardRows < 0 || (shardRows == 0 && shardBytes <= 0)) {
      throw new IllegalArgumentException("shard size must be positive");
    }
  }
}
