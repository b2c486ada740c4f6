package io.msetl.tables;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The pointers of Parquet snapshots: {@code _log/<20-digit version>.json}, each naming the folder
 * of every table. A pointer is created with create-if-absent (atomic on HDFS; on a local disk the
 * tables lock keeps writers apart), so two runs can never publish the same version.
 */
final class SnapshotLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One published snapshot: its version and table name -> folder relative to the root. */
  record Snapshot(long version, Map<String, String> tables) {}

  private final FileSystem fs;
  private final Path dir;

  SnapshotLog(FileSystem fs, Path snapshots) {
    this.fs = fs;
    this.dir = new Path(snapshots, "_log");
  }

  Optional<Snapshot> latest() {
    long max = -1;
    try {
      if (!fs.exists(dir)) {
        return Optional.empty();
      }
      for (FileStatus st : fs.listStatus(dir)) {
        String n = st.getPath().getName();
        if (n.matches("\\d{20}\\.json")) {
          max = Math.max(max, Long.parseLong(n.substring(0, 20)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return max < 0 ? Optional.empty() : version(max);
  }

  Optional<Snapshot> version(long version) {
    Path p = pointer(version);
    try {
      if (!fs.exists(p)) {
        return Optional.empty();
      }
      byte[] bytes;
      try (var in = fs.open(p)) {
        bytes = in.readAllBytes();
      }
      Map<String, String> tables =
          JSON.readValue(
              new String(bytes, StandardCharsets.UTF_8),
              new TypeReference<TreeMap<String, String>>() {});
      return Optional.of(new Snapshot(version, tables));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot pointer " + p, e);
    }
  }

  /** Publishes the next version; fails when another writer published it first. */
  long publish(Map<String, String> tables) {
    long next = latest().map(s -> s.version() + 1).orElse(0L);
    Path p = pointer(next);
    try (FSDataOutputStream out = fs.create(p, false)) {
      out.write(JSON.writeValueAsBytes(new TreeMap<>(tables)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish snapshot " + p, e);
    }
    return next;
  }

  private Path pointer(long version) {
    return new Path(dir, String.format("%020d.json", version));
  }
}
