package io.msetl.structure;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Finds and reads the MOL file of one record inside the executor task that holds the record: the
 * expected name is derived from the record's ID and the pattern (default {@code ID{id}.MOL}) and
 * opened directly — no listing, no join, no task per file.
 *
 * <p>Names match case-insensitively: when the exact name is absent, a per-JVM index of the
 * directory (lower-cased name → real name), built once on the first miss, is consulted. A directory
 * whose names all match the pattern's case never gets listed.
 */
public final class MolFileLocator {
  /** Largest MOL file read; a bigger file is not a molecule we can featurize anyway. */
  public static final int MAX_MOL_BYTES = 8 * 1024 * 1024;

  private static final Map<String, Map<String, String>> CASE_INDEX = new ConcurrentHashMap<>();

  private final Path dir;
  private final String pattern;
  private final FileSystem fs;

  /**
   * Set for local folders: Hadoop's checksummed local FS costs a .crc lookup, stream set-up and URI
   * parsing per open, ~4x a plain read for 2 KB files, and this runs once per record.
   */
  private final java.nio.file.Path localDir;

  /** A MOL file found for a record. */
  public record MolFile(String path, String text) {}

  public MolFileLocator(String molDir, String pattern, Configuration conf) throws IOException {
    this.dir = new Path(molDir);
    this.pattern = pattern;
    this.fs = dir.getFileSystem(conf);
    this.localDir =
        "file".equals(fs.getUri().getScheme())
            ? java.nio.file.Path.of(fs.makeQualified(dir).toUri())
            : null;
  }

  /** The file name the pattern gives for an id, or null when the id cannot be a file name. */
  public static String fileName(String pattern, String id) {
    if (id == null
        || id.isBlank()
        || id.contains("/")
        || id.contains("\\")
        || id.equals("..")
        || id.equals(".")) {
      return null;
    }
    return pattern.replace("{id}", id.trim());
  }

  /** Reads the record's MOL file, or returns null when there is none. */
  public MolFile find(String id) throws IOException {
    String name = fileName(pattern, id);
    if (name == null) {
      return null;
    }
    if (localDir != null) {
      return findLocal(name);
    }
    Path p = new Path(dir, name);
    String text = read(p);
    if (text == null) {
      String real = caseIndex().get(name.toLowerCase(Locale.ROOT));
      if (real == null || real.equals(name)) {
        return null;
      }
      p = new Path(dir, real);
      text = read(p);
      if (text == null) {
        return null;
      }
    }
    return new MolFile(p.toString(), text);
  }

  private MolFile findLocal(String name) throws IOException {
    java.nio.file.Path f = localDir.resolve(name);
    String text = readLocal(f);
    if (text == null) {
      String real = caseIndex().get(name.toLowerCase(Locale.ROOT));
      if (real == null || real.equals(name)) {
        return null;
      }
      f = localDir.resolve(real);
      text = readLocal(f);
      if (text == null) {
        return null;
      }
    }
    return new MolFile("file:" + f, text); // the form Hadoop gives local paths
  }

  private static String readLocal(java.nio.file.Path f) throws IOException {
    try {
      byte[] b = java.nio.file.Files.readAllBytes(f);
      if (b.length > MAX_MOL_BYTES) {
        throw new IOException("MOL file larger than " + MAX_MOL_BYTES + " bytes: " + f);
      }
      return new String(b, StandardCharsets.ISO_8859_1);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  private String read(Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_MOL_BYTES) {
          throw new IOException("MOL file larger than " + MAX_MOL_BYTES + " bytes: " + p);
        }
      }
      return out.toString(StandardCharsets.ISO_8859_1); // molfiles are ASCII; never fails to decode
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  private Map<String, String> caseIndex() throws IOException {
    String key = fs.makeQualified(dir).toString();
    Map<String, String> idx = CASE_INDEX.get(key);
    if (idx == null) {
      synchronized (CASE_INDEX) {
        idx = CASE_INDEX.get(key);
        if (idx == null) {
          idx = new HashMap<>();
          try {
            RemoteIterator<FileStatus> it = fs.listStatusIterator(dir);
            while (it.hasNext()) {
              String n = it.next().getPath().getName();
              idx.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
            }
          } catch (FileNotFoundException e) {
            // no MOL directory: every lookup misses
          }
          CASE_INDEX.put(key, idx);
        }
      }
    }
    return idx;
  }
}
