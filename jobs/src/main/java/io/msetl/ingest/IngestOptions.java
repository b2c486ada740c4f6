package io.msetl.ingest;

import io.msetl.msp.DelimitedRecordReader;
import io.msetl.msp.LibraryFormat;
import io.msetl.msp.NumPeaksMismatch;
import java.io.Serializable;
import java.util.List;

/**
 * What to ingest and how. Immutable; start from {@link #defaults()} or {@link #forInput(String)}
 * and change fields with the {@code with...} methods.
 *
 * @param mspPaths MSP files, directories' files or globs (comma-free strings)
 * @param molDir folder of one MOL file per record, or null
 * @param molPattern MOL file name for a record, {@code {id}} = the record's {@code ID:}
 * @param sdfPaths SD files (.sdf / .sdf.gz). With MSP, MGF or MassBank input they are a structure
 *     source joined by record id; alone their molecules are the records
 * @param mgfPaths MGF files (splittable at block boundaries like MSP)
 * @param massbankPaths MassBank record files, or folder trees of them (listed by executor tasks)
 * @param numPeaksMismatch WARN (keep, warn) or REJECT when {@code Num Peaks} disagrees
 * @param minPartitions fewest partitions the raw read is cut into (files are split to reach it)
 * @param maxSplitBytes largest split of an uncompressed file (many smallish partitions)
 * @param maxRecordBytes a larger record is rejected {@code RECORD_TOO_LARGE} (only its head is ever
 *     held in memory)
 */
public record IngestOptions(
    List<String> mspPaths,
    String molDir,
    String molPattern,
    List<String> sdfPaths,
    List<String> mgfPaths,
    List<String> massbankPaths,
    NumPeaksMismatch numPeaksMismatch,
    int minPartitions,
    long maxSplitBytes,
    long maxRecordBytes)
    implements Serializable {

  public static final String DEFAULT_MOL_PATTERN = "ID{id}.MOL";
  public static final int DEFAULT_MIN_PARTITIONS = 2;
  public static final long DEFAULT_MAX_SPLIT_BYTES = 8L * 1024 * 1024;
  public static final long DEFAULT_MAX_RECORD_BYTES =
      DelimitedRecordReader.DEFAULT_MAX_RECORD_BYTES;

  public IngestOptions {
    mspPaths = List.copyOf(mspPaths == null ? List.of() : mspPaths);
    sdfPaths = List.copyOf(sdfPaths == null ? List.of() : sdfPaths);
    mgfPaths = List.copyOf(mgfPaths == null ? List.of() : mgfPaths);
    massbankPaths = List.copyOf(massbankPaths == null ? List.of() : massbankPaths);
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
    if (maxRecordBytes < 1 || maxRecordBytes > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException(
          "maxRecordBytes must be in 1.." + (Integer.MAX_VALUE - 64) + ", got " + maxRecordBytes);
    }
  }

  public static IngestOptions defaults() {
    return new IngestOptions(
        List.of(),
        null,
        DEFAULT_MOL_PATTERN,
        List.of(),
        List.of(),
        List.of(),
        NumPeaksMismatch.WARN,
        DEFAULT_MIN_PARTITIONS,
        DEFAULT_MAX_SPLIT_BYTES,
        DEFAULT_MAX_RECORD_BYTES);
  }

  /** {@link #forInput(String, LibraryFormat)} with the format detected from the content. */
  public static IngestOptions forInput(String path) {
    return InputLayout.resolve(path, null);
  }

  /**
   * Options for one input path: a file is one library in the format its content shows (or {@code
   * format}); a directory gives its *.msp(.gz), *.mgf and MOL/ folder, its *.sdf(.gz) files only
   * when it has no MSP (a NIST layout carries the same records in both, which must not be counted
   * twice), and is a MassBank tree when it holds none of those but MassBank records; see {@link
   * InputLayout}.
   *
   * @param format null = detect
   * @throws IllegalArgumentException for a missing path or a directory without library files
   */
  public static IngestOptions forInput(String path, LibraryFormat format) {
    return InputLayout.resolve(path, format);
  }

  /** True when some input other than SDF provides the records. */
  boolean hasTextRecords() {
    return !mspPaths.isEmpty() || !mgfPaths.isEmpty() || !massbankPaths.isEmpty();
  }

  public IngestOptions withMspPaths(List<String> v) {
    return new IngestOptions(
        v,
        molDir,
        molPattern,
        sdfPaths,
        mgfPaths,
        massbankPaths,
        numPeaksMismatch,
        minPartitions,
        maxSplitBytes,
        maxRecordBytes);
  }

  public IngestOptions withMolDir(String v) {
    return new IngestOptions(
        mspPaths,
        v,
        molPattern,
        sdfPaths,
        mgfPaths,
        massbankPaths,
        numPeaksMismatch,
        minPartitions,
        maxSplitBytes,
        maxRecordBytes);
  }

  public IngestOptions withMolPattern(String v) {
    return new IngestOptions(
        mspPaths,
        molDir,
        v,
        sdfPaths,
        mgfPaths,
        massbankPaths,
        numPeaksMismatch,
        minPartitions,
        maxSplitBytes,
        maxRecordBytes);
  }

  public IngestOptions withSdfPaths(List<String> v) {
    return new IngestOptions(
        mspPaths,
        molDir,
        molPattern,
        v,
        mgfPaths,
        massbankPaths,
        numPeaksMismatch,
        minPartitions,
        maxSplitBytes,
        maxRecordBytes);
  }

  public IngestOptions withMgfPaths(List<String> v) {
    return new IngestOptions(
        mspPaths,
        molDir,
        molPattern,
        sdfPaths,
        v,
        massbankPaths,
        numPeaksMismatch,
        minPartitions,
        maxSplitBytes,
        maxRecordBytes);
  }

  public IngestOptions withMassbankPaths(List<String> v) {
    return new IngestOptions(
        mspPaths,
        molDir,
        molPattern,
        sdfPaths,
        mgfPaths,
        v,
        numPeaksMismatch,
        minPartitions,
        maxSplitBytes,
        maxRecordBytes);
  }

  public IngestOptions withNumPeaksMismatch(NumPeaksMismatch v) {
    return new IngestOptions(
        mspPaths,
        molDir,
        molPattern,
        sdfPaths,
        mgfPaths,
        massbankPaths,
        v,
        minPartitions,
        maxSplitBytes,
        maxRecordBytes);
  }

  public IngestOptions withMinPartitions(int v) {
    return new IngestOptions(
        mspPaths,
        molDir,
        molPattern,
        sdfPaths,
        mgfPaths,
        massbankPaths,
        numPeaksMismatch,
        v,
        maxSplitBytes,
        maxRecordBytes);
  }

  public IngestOptions withMaxSplitBytes(long v) {
    return new IngestOptions(
        mspPaths,
        molDir,
        molPattern,
        sdfPaths,
        mgfPaths,
        massbankPaths,
        numPeaksMismatch,
        minPartitions,
        v,
        maxRecordBytes);
  }

  public IngestOptions withMaxRecordBytes(long v) {
    return new IngestOptions(
        mspPaths,
        molDir,
        molPattern,
        sdfPaths,
        mgfPaths,
        massbankPaths,
        numPeaksMismatch,
        minPartitions,
        maxSplitBytes,
        v);
  }
}
