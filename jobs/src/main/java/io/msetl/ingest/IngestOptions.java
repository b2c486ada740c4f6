package io.msetl.ingest;

import io.msetl.msp.NumPeaksMismatch;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What to ingest and how. Immutable; start from {@link #defaults()} or {@link #forInput(String)}
 * and change fields with the {@code with...} methods.
 *
 * @param mspPaths MSP files, directories' files or globs (comma-free strings)
 * @param molDir folder of one MOL file per record, or null
 * @param molPattern MOL file name for a record, {@code {id}} = the record's {@code ID:}
 * @param sdfPaths SD files (.sdf / .sdf.gz). With MSP input they are a structure source joined by
 *     record id; without MSP input their molecules are the records
 * @param numPeaksMismatch WARN (keep, warn) or REJECT when {@code Num Peaks} disagrees
 * @param minPartitions fewest partitions the raw read is cut into (files are split to reach it)
 * @param maxSplitBytes largest split of an uncompressed file (many smallish partitions)
 */
public record IngestOptions(
    List<String> mspPaths,
    String molDir,
    String molPattern,
    List<String> sdfPaths,
    NumPeaksMismatch numPeaksMismatch,
    int minPartitions,
    long maxSplitBytes)
    implements Serializable {

  public static final String DEFAULT_MOL_PATTERN = "ID{id}.MOL";
  public static final int DEFAULT_MIN_PARTITIONS = 2;
  public static final long DEFAULT_MAX_SPLIT_BYTES = 8L * 1024 * 1024;

  public IngestOptions {
    mspPaths = List.copyOf(mspPaths == null ? List.of() : mspPaths);
    sdfPaths = List.copyOf(sdfPaths == null ? List.of() : sdfPaths);
    molPattern = molPattern == null ? DEFAULT_MOL_PATTERN : molPattern;
    numPeaksMismatch = numPeaksMismatch == null ? NumPeaksMismatch.WARN : numPeaksMismatch;
    if (!molPattern.contains("{id}")) {
      throw new IllegalArgumentException("MOL file pattern must contain {id}: " + molPattern);
    }
    if (minPartitions < 1) {
      throw new IllegalArgumentException("minPartitions must be >= 1, got " + minPartitions);
    }
    if (maxSplitBytes < 1) {
      throw new IllegalArgumentException("maxSplitBytes must be >= 1, got " + maxSplitBytes);
    }
  }

  public static IngestOptions defaults() {
    return new IngestOptions(
        List.of(),
        null,
        DEFAULT_MOL_PATTERN,
        List.of(),
        NumPeaksMismatch.WARN,
        DEFAULT_MIN_PARTITIONS,
        DEFAULT_MAX_SPLIT_BYTES);
  }

  /**
   * Options for one input path: a file is that MSP (or SDF when named *.sdf / *.sdf.gz); a
   * directory gives its *.msp and *.msp.gz files plus its MOL/ folder when present, and its *.sdf /
   * *.sdf.gz files only when it has no MSP (a NIST layout carries the same records in both, which
   * must not be counted twice).
   *
   * @throws IllegalArgumentException for a missing path or a directory without MSP/SDF files
   */
  public static IngestOptions forInput(String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(new Configuration());
      if (isGlob(path)) {
        return forGlob(fs, p, path);
      }
      if (!fs.exists(p)) {
        throw new IllegalArgumentException("input path does not exist: " + path);
      }
      FileStatus st = fs.getFileStatus(p);
      if (st.isFile()) {
        return isSdf(p.getName())
            ? defaults().withSdfPaths(List.of(st.getPath().toString()))
            : defaults().withMspPaths(List.of(st.getPath().toString()));
      }
      List<String> msp = new ArrayList<>();
      List<String> sdf = new ArrayList<>();
      String mol = null;
      for (FileStatus c : fs.listStatus(p)) {
        String name = c.getPath().getName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (c.isDirectory()) {
          if (lower.equals("mol") && (mol == null || name.equals("MOL"))) {
            mol = c.getPath().toString();
          }
        } else if (lower.endsWith(".msp") || lower.endsWith(".msp.gz")) {
          msp.add(c.getPath().toString());
        } else if (isSdf(name)) {
          sdf.add(c.getPath().toString());
        }
      }
      msp.sort(null);
      sdf.sort(null);
      if (msp.isEmpty() && sdf.isEmpty()) {
        throw new IllegalArgumentException("no *.msp or *.sdf files in directory: " + path);
      }
      IngestOptions o = defaults().withMolDir(mol);
      return msp.isEmpty() ? o.withSdfPaths(sdf) : o.withMspPaths(msp);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read input path " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean isGlob(String path) {
    return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /**
   * A glob names files: its matches are the MSP files (SDF files only when no MSP matches, as in a
   * folder), and their common folder's MOL/ is the structure source when it has one.
   */
  private static IngestOptions forGlob(FileSystem fs, Path glob, String path) throws IOException {
    FileStatus[] matches = fs.globStatus(glob);
    List<String> msp = new ArrayList<>();
    List<String> sdf = new ArrayList<>();
    java.util.Set<Path> parents = new java.util.HashSet<>();
    for (FileStatus st : matches == null ? new FileStatus[0] : matches) {
      if (st.isFile()) {
        (isSdf(st.getPath().getName()) ? sdf : msp).add(st.getPath().toString());
        parents.add(st.getPath().getParent());
      }
    }
    if (msp.isEmpty() && sdf.isEmpty()) {
      throw new IllegalArgumentException("input glob matches no file: " + path);
    }
    msp.sort(null);
    sdf.sort(null);
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
    IngestOptions o = defaults().withMolDir(mol);
    return msp.isEmpty() ? o.withSdfPaths(sdf) : o.withMspPaths(msp);
  }

  static boolean isSdf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".sdf") || lower.endsWith(".sdf.gz");
  }

  public IngestOptions withMspPaths(List<String> v) {
    return new IngestOptions(
        v, molDir, molPattern, sdfPaths, numPeaksMismatch, minPartitions, maxSplitBytes);
  }

  public IngestOptions withMolDir(String v) {
    return new IngestOptions(
        mspPaths, v, molPattern, sdfPaths, numPeaksMismatch, minPartitions, maxSplitBytes);
  }

  public IngestOptions withMolPattern(String v) {
    return new IngestOptions(
        mspPaths, molDir, v, sdfPaths, numPeaksMismatch, minPartitions, maxSplitBytes);
  }

  public IngestOptions withSdfPaths(List<String> v) {
    return new IngestOptions(
        mspPaths, molDir, molPattern, v, numPeaksMismatch, minPartitions, maxSplitBytes);
  }

  public IngestOptions withNumPeaksMismatch(NumPeaksMismatch v) {
    return new IngestOptions(
        mspPaths, molDir, molPattern, sdfPaths, v, minPartitions, maxSplitBytes);
  }

  public IngestOptions withMinPartitions(int v) {
    return new IngestOptions(
        mspPaths, molDir, molPattern, sdfPaths, numPeaksMismatch, v, maxSplitBytes);
  }

  public IngestOptions withMaxSplitBytes(long v) {
    return new IngestOptions(
        mspPaths, molDir, molPattern, sdfPaths, numPeaksMismatch, minPartitions, v);
  }
}
