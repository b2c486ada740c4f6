package io.msetl.verify;

import io.msetl.errors.MsetlErrors;
import io.msetl.export.HadoopConf;
import io.msetl.export.Publisher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * An export folder on any Hadoop file system, named directly or through an exports folder's {@code
 * latest}.
 */
final class ExportLocation {
  private final FileSystem fs;
  private final Path dir;

  ExportLocation(HadoopConf hadoop, String target) throws IOException {
    Path p = new Path(target);
    fs = hadoop.fileSystem(p);
    Path q = fs.makeQualified(p);
    if (fs.exists(new Path(q, Publisher.MANIFEST))) {
      dir = q;
    } else if (fs.exists(new Path(q, Publisher.LATEST))) {
      dir = new Path(q, read(new Path(q, Publisher.LATEST)).trim());
    } else {
      throw MsetlErrors.notAnExport(target);
    }
  }

  Path dir() {
    return dir;
  }

  FileSystem fs() {
    return fs;
  }

  String read(Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * A local path to read the file with SQLite: the file itself when local, else a temporary copy.
   */
  java.nio.file.Path local(Path file) throws IOException {
    if (fs instanceof RawLocalFileSystem raw) {
      return raw.pathToFile(file).toPath();
    }
    java.nio.file.Path tmp = Files.createTempFile("msetl-verify-", "-" + file.getName());
    tmp.toFile().deleteOnExit();
    try (InputStream in = fs.open(file)) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    return tmp;
  }
}
