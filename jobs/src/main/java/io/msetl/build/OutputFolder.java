package io.msetl.build;

import io.msetl.errors.MsetlErrors;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Checks, before any work, that the output folder can be written: fail in a second, not after an
 * hour.
 */
public final class OutputFolder {
  private OutputFolder() {}

  public static void checkWritable(String out, Configuration conf) {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(out);
    org.apache.hadoop.fs.Path probe =
        new org.apache.hadoop.fs.Path(root, ".msetl-write-probe-" + UUID.randomUUID());
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
        throw MsetlErrors.outputNotAFolder(out);
      }
      fs.mkdirs(root);
      fs.create(probe, false).close();
      fs.delete(probe, false);
    } catch (AccessDeniedException e) {
      throw MsetlErrors.outputNotWritable(out, "permission denied");
    } catch (IOException e) {
      throw MsetlErrors.outputNotWritable(out, e.getMessage());
    }
    if ("file".equals(root.toUri().getScheme()) || root.toUri().getScheme() == null) {
      Path local = Path.of(root.toUri().getPath());
      if (!Files.isWritable(local)) {
        throw MsetlErrors.outputNotWritable(out, "permission denied");
      }
    }
  }
}
