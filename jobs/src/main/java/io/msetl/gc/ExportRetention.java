package io.msetl.gc;

import io.msetl.export.Manifest;
import io.msetl.export.Publisher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which published exports to keep: the one {@code latest} points at, and the {@code keep} newest
 * (by the time their manifest was written, i.e. published). Hidden staging folders are not exports
 * and are left to the exporter.
 */
final class ExportRetention {
  private ExportRetention() {}

  /** One published export folder and what its manifest pins. */
  record Export(String id, Path dir, long publishedMillis, Manifest manifest) {}

  /** The decision: kept exports (their manifests pin table versions) and removable ones. */
  record Plan(Optional<String> latest, List<Export> kept, List<Export> removed) {}

  static Plan plan(FileSystem fs, Path exports, int keep) throws IOException {
    if (keep < 0) {
      throw new IllegalArgumentException("--keep-exports must be 0 or more, got " + keep);
    }
    List<Export> all = new ArrayList<>();
    if (fs.exists(exports)) {
      for (FileStatus st : fs.listStatus(exports)) {
        String name = st.getPath().getName();
        Path manifest = new Path(st.getPath(), Publisher.MANIFEST);
        if (!st.isDirectory() || name.startsWith(".") || !fs.exists(manifest)) {
          continue;
        }
        all.add(
            new Export(
                name,
                st.getPath(),
                fs.getFileStatus(manifest).getModificationTime(),
                Manifest.fromJson(read(fs, manifest))));
      }
    }
    // Newest first; the id breaks ties so the decision is deterministic.
    all.sort(
        Comparator.comparingLong(Export::publishedMillis).reversed().thenComparing(Export::id));
    Path latestFile = new Path(exports, Publisher.LATEST);
    Optional<String> latest =
        fs.exists(latestFile) ? Optional.of(read(fs, latestFile).trim()) : Optional.empty();
    List<Export> kept = new ArrayList<>();
    List<Export> removed = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Export e = all.get(i);
      boolean isLatest = latest.isPresent() && latest.get().equals(e.id());
      (i < keep || isLatest ? kept : removed).add(e);
    }
    return new Plan(latest, List.copyOf(kept), List.copyOf(removed));
  }

  private static String read(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
