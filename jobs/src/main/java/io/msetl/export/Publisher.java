package io.msetl.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Publication of an export under {@code <out>}: everything is written into a hidden staging folder,
 * which one directory rename turns into {@code <out>/<export-id>}; then the one-line file {@code
 * <out>/latest} is atomically replaced. A crash before the rename leaves only a hidden staging
 * folder (removed by the next run of the same export) and {@code latest} as it was.
 */
public final class Publisher {
  public static final String LATEST = "latest";
  public static final String MANIFEST = "manifest.json";
  private static final String STAGING_PREFIX = ".tmp-";

  private final FileSystem fs;
  private final Path out;
  private final HadoopConf hadoop;

  public Publisher(HadoopConf hadoop, String outDir) throws IOException {
    this.hadoop = hadoop;
    Path p = new Path(outDir);
    this.fs = hadoop.fileSystem(p);
    this.out = fs.makeQualified(p);
  }

  public Path exportDir(String exportId) {
    return new Path(out, exportId);
  }

  public boolean isPublished(String exportId) throws IOException {
    return fs.exists(new Path(exportDir(exportId), MANIFEST));
  }

  /**
   * A fresh staging folder; earlier leftovers of the same export (from a crash) are removed first.
   */
  public Path newStaging(String exportId) throws IOException {
    fs.mkdirs(out);
    for (FileStatus st : fs.listStatus(out)) {
      if (st.getPath().getName().startsWith(STAGING_PREFIX + exportId + "-")) {
        fs.delete(st.getPath(), true);
      }
    }
    Path staging = new Path(out, STAGING_PREFIX + exportId + "-" + UUID.randomUUID());
    fs.mkdirs(staging);
    return staging;
  }

  public void writeText(Path file, String text) throws IOException {
    try (OutputStream o = fs.create(file, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  public String readText(Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Moves the staging folder to its final name, then points {@code latest} at it. */
  public void publish(Path staging, String exportId) throws IOException {
    Path target = exportDir(exportId);
    if (!fs.rename(staging, target)) {
      throw new IOException("cannot publish " + staging + " as " + target);
    }
    pointLatestAt(exportId);
  }

  public void pointLatestAt(String exportId) throws IOException {
    Path tmp = new Path(out, "." + LATEST + "-" + UUID.randomUUID());
    writeText(tmp, exportId + "\n");
    Path latest = new Path(out, LATEST);
    if (fs instanceof RawLocalFileSystem local) {
      // rename(2) replaces the old pointer atomically; Hadoop's generic overwrite deletes first.
      Files.move(
          local.pathToFile(tmp).toPath(),
          local.pathToFile(latest).toPath(),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } else {
      FileContext.getFileContext(out.toUri(), hadoop.toConfiguration())
          .rename(tmp, latest, Options.Rename.OVERWRITE);
    }
  }

  public Optional<String> latest() throws IOException {
    Path latest = new Path(out, LATEST);
    return fs.exists(latest) ? Optional.of(readText(latest).trim()) : Optional.empty();
  }
}
