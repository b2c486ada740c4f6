package io.msetl.export;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The driver's Hadoop settings shipped to executors (credentials, endpoints), and the file system
 * used for export output. Local output uses the raw local file system so exports hold only the
 * files the manifest lists (no {@code .crc} side files).
 */
public final class HadoopConf implements Serializable {
  private final Map<String, String> entries;

  public HadoopConf(Configuration conf) {
    Map<String, String> m = new HashMap<>();
    conf.forEach(e -> m.put(e.getKey(), e.getValue()));
    this.entries = m;
  }

  public Configuration toConfiguration() {
    Configuration c = new Configuration(false);
    entries.forEach(c::set);
    return c;
  }

  public FileSystem fileSystem(Path path) throws IOException {
    URI uri = path.toUri();
    FileSystem fs = FileSystem.get(uri, toConfiguration());
    return fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
  }
}
