package io.msetl.ingest;

import io.msetl.msp.LibraryFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Turns one {@code --input} path into {@link IngestOptions}: which files are which format. A file
 * is read by the format its first bytes show (the name decides only when the head is not decisive).
 * A directory is a NIST layout (*.msp + MOL/), a folder of MGF / SDF files, or a MassBank tree
 * (record files in contributor folders), which is never listed here: executor tasks list it (see
 * {@link MassBankFiles}), so only the few entries needed to recognise it are read.
 */
final class InputLayout {
  private InputLayout() {}

  /** Subfolders looked into for a sample MassBank record. */
  private static final int SAMPLE_FOLDERS = 3;

  static IngestOptions resolve(String path, LibraryFormat format) {
    try {
      Configuration conf = new Configuration();
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      if (isGlob(path)) {
        return glob(fs, p, path, format, conf);
      }
      if (!fs.exists(p)) {
        throw new IllegalArgumentException("input path does not exist: " + path);
      }
      FileStatus st = fs.getFileStatus(p);
      String file = st.getPath().toString();
      if (st.isFile()) {
        LibraryFormat f = format != null ? format : detect(fs, st.getPath(), conf);
        return withFiles(IngestOptions.defaults(), f, List.of(file));
      }
      if (format == LibraryFormat.MASSBANK) {
        return IngestOptions.defaults().withMassbankPaths(List.of(file));
      }
      return directory(fs, st.getPath(), format, conf);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read input path " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean isGlob(String path) {
    return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /**
   * A glob names files: each match is read in the format its content shows (or {@code format}), SDF
   * files only when nothing else matches (as in a folder), and the matches' common folder's MOL/ is
   * the structure source when it has one.
   */
  private static IngestOptions glob(
      FileSystem fs, Path glob, String path, LibraryFormat format, Configuration conf)
      throws IOException {
    FileStatus[] matches = fs.globStatus(glob);
    java.util.Map<LibraryFormat, List<String>> byFormat =
        new java.util.EnumMap<>(LibraryFormat.class);
    java.util.Set<Path> parents = new java.util.HashSet<>();
    for (FileStatus st : matches == null ? new FileStatus[0] : matches) {
      if (st.isFile()) {
        LibraryFormat f = format != null ? format : detect(fs, st.getPath(), conf);
        byFormat.computeIfAbsent(f, k -> new ArrayList<>()).add(st.getPath().toString());
        parents.add(st.getPath().getParent());
      }
    }
    if (byFormat.isEmpty()) {
      throw new IllegalArgumentException("input glob matches no file: " + path);
    }
    String mol = null;
    if (parents.size() == 1) {
      Path parent = parents.iterator().next();
      for (String name : List.of("MOL", "mol")) {
        if (fs.isDirectory(new Path(parent, name))) {
          mol = new Path(parent, name).toString();
          break;
        }
      }
    }
    IngestOptions o = IngestOptions.defaults().withMolDir(mol);
    if (byFormat.size() > 1) {
      byFormat.remove(LibraryFormat.SDF);
    }
    for (var e : byFormat.entrySet()) {
      List<String> files = new ArrayList<>(e.getValue());
      files.sort(null);
      o = withFiles(o, e.getKey(), files);
    }
    return o;
  }

  private static IngestOptions directory(
      FileSystem fs, Path dir, LibraryFormat format, Configuration conf) throws IOException {
    List<String> msp = new ArrayList<>();
    List<String> sdf = new ArrayList<>();
    List<String> mgf = new ArrayList<>();
    String mol = null;
    for (FileStatus c : fs.listStatus(dir)) {
      String name = c.getPath().getName();
      String lower = name.toLowerCase(Locale.ROOT);
      if (c.isDirectory()) {
        if (lower.equals("mol") && (mol == null || name.equals("MOL"))) {
          mol = c.getPath().toString();
        }
      } else if (lower.endsWith(".msp") || lower.endsWith(".msp.gz")) {
        msp.add(c.getPath().toString());
      } else if (lower.endsWith(".mgf") || lower.endsWith(".mgf.gz")) {
        mgf.add(c.getPath().toString());
      } else if (isSdf(name)) {
        sdf.add(c.getPath().toString());
      }
    }
    msp.sort(null);
    sdf.sort(null);
    mgf.sort(null);
    IngestOptions o = IngestOptions.defaults().withMolDir(mol);
    if (format != null) {
      List<String> chosen =
          switch (format) {
            case MSP -> msp;
            case SDF -> sdf;
            case MGF -> mgf;
            case MASSBANK -> List.of(dir.toString());
          };
      if (chosen.isEmpty()) {
        throw new IllegalArgumentException(
            "no " + format.name() + " files (by name) in directory: " + dir);
      }
      return withFiles(o, format, chosen);
    }
    if (!msp.isEmpty() || !mgf.isEmpty()) {
      return o.withMspPaths(msp).withMgfPaths(mgf);
    }
    if (!sdf.isEmpty()) {
      return o.withSdfPaths(sdf);
    }
    if (holdsMassBankRecords(fs, dir, conf)) {
      return IngestOptions.defaults().withMassbankPaths(List.of(dir.toString()));
    }
    throw new IllegalArgumentException(
        "no MSP, MGF, SDF or MassBank record files in directory: " + dir);
  }

  private static IngestOptions withFiles(IngestOptions o, LibraryFormat f, List<String> files) {
    return switch (f) {
      case MSP -> o.withMspPaths(files);
      case SDF -> o.withSdfPaths(files);
      case MGF -> o.withMgfPaths(files);
      case MASSBANK -> o.withMassbankPaths(files);
    };
  }

  /** A *.txt record in the folder or one of its first subfolders reads as MassBank. */
  private static boolean holdsMassBankRecords(FileSystem fs, Path dir, Configuration conf)
      throws IOException {
    int folders = 0;
    for (FileStatus c : fs.listStatus(dir)) {
      if (c.isFile() && isTxt(c.getPath())) {
        return detect(fs, c.getPath(), conf) == LibraryFormat.MASSBANK;
      }
      if (c.isDirectory() && folders++ < SAMPLE_FOLDERS) {
        var it = fs.listStatusIterator(c.getPath());
        while (it.hasNext()) {
          FileStatus f = it.next();
          if (f.isFile() && isTxt(f.getPath())) {
            if (detect(fs, f.getPath(), conf) == LibraryFormat.MASSBANK) {
              return true;
            }
            break;
          }
        }
      }
    }
    return false;
  }

  private static boolean isTxt(Path p) {
    return p.getName().toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  /** The format of one file from its (decompressed) head. */
  static LibraryFormat detect(FileSystem fs, Path p, Configuration conf) throws IOException {
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
    byte[] head = new byte[LibraryFormat.HEAD_BYTES];
    int n = 0;
    try (InputStream raw = fs.open(p);
        InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
      for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
        n += r;
      }
    }
    return LibraryFormat.detect(head, n, p.getName());
  }

  static boolean isSdf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".sdf") || lower.endsWith(".sdf.gz");
  }
}
