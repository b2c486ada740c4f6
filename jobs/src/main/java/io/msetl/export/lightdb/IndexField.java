package io.msetl.export.lightdb;

import io.msetl.lightdb.ElementType;
import io.msetl.lightdb.Schema;
import java.util.Arrays;
import java.util.List;

/**
 * The data elements of an index record, in file order: every element is a little-endian SINT64, so
 * the record is {@code key: SINT64 x 1 (sample index), data: SINT64 x 20}. The order is part of the
 * format (docs/shard-format.md); new fields may only be appended, with a new format version.
 */
public enum IndexField {
  /** Byte offset of the sample block in the .dat file. */
  SAMPLE_OFFSET,
  /** Byte length of the sample block (including the padding to 8 bytes). */
  SAMPLE_LENGTH,
  /** Byte offset of the structure block in the .dat file; samples of one structure share it. */
  GRAPH_OFFSET,
  GRAPH_LENGTH,
  /** 0-based number of the structure within the shard, in order of first appearance. */
  STRUCTURE_INDEX,
  NUM_BINS,
  NUM_PEAKS,
  NUM_ATOMS,
  NUM_EDGES,
  NODE_FEATURE_WIDTH,
  EDGE_FEATURE_WIDTH,
  /** Bit 0: the structure block holds coordinates. */
  FLAGS,
  /** compounds.heavy_atoms, or {@link #NULL}. */
  HEAVY_ATOMS,
  /** compounds.formal_charge, or {@link #NULL}. */
  FORMAL_CHARGE,
  /**
   * spectra.precursor_mz x 10^6 rounded half-up (the exact double is in the sample block), or
   * {@link #NULL}.
   */
  PRECURSOR_MZ_MICRO,
  /** Conformer status code: position in {@link #CONFORMER_STATUSES}, -1 for any other text. */
  CONFORMER_STATUS,
  /** Non-zero bins of normalized_spectrum: the sample block stores only those (format 2). */
  SPECTRUM_NONZERO,
  /** CRC-32 of the sample block as stored (padding included), so a flipped bit is an error. */
  SAMPLE_CRC,
  /** CRC-32 of the structure block as stored. */
  GRAPH_CRC,
  /**
   * CRC-32 of the key and every field before this one (little-endian int64s), so damage to the
   * index itself is an error too.
   */
  RECORD_CRC;

  /** The value of a nullable field that is null. */
  public static final long NULL = Long.MIN_VALUE;

  public static final long FLAG_COORDS = 1;

  /** Bit 1: the structure block is one zlib stream (always set by format 2 writers). */
  public static final long FLAG_GRAPH_ZLIB = 2;

  /**
   * Codes of {@link #CONFORMER_STATUS}: fixed here, not taken from an enum whose order could
   * change.
   */
  public static final List<String> CONFORMER_STATUSES =
      List.of(
          "OK",
          "OK_RANDOM_COORDS",
          "FALLBACK_2D",
          "FAILED",
          "SKIPPED_TOO_LARGE",
          "TIMEOUT",
          "NOT_REQUESTED");

  public static final int COUNT = values().length;

  /** The index file's record geometry, with the library's default page fan-out. */
  public static Schema schema() {
    return Schema.withDefaultMaxItems(ElementType.SINT64, 1, ElementType.SINT64, COUNT);
  }

  /** CRC-32 of the key and fields 0..RECORD_CRC-1 of a record, as the file stores them. */
  public static long recordCrc(long key, long[] fields) {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(8 * (RECORD_CRC.ordinal() + 1))
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putLong(key);
    for (int i = 0; i < RECORD_CRC.ordinal(); i++) {
      b.putLong(fields[i]);
    }
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b.array());
    return crc.getValue();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList();
  }

  public static long conformerCode(String status) {
    return CONFORMER_STATUSES.indexOf(status);
  }
}
