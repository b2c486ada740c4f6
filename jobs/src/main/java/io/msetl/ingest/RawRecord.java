package io.msetl.ingest;

import io.msetl.msp.RecordBytes;
import java.io.Serializable;

/**
 * One raw record as read from a file, with its lineage.
 *
 * @param bytes the record's bytes, only the head when the record exceeded the size cap
 * @param fullLength the record's length in the file; larger than {@code bytes.length} iff truncated
 */
record RawRecord(String sourceFile, long byteOffset, long ordinal, byte[] bytes, long fullLength)
    implements Serializable {

  static RawRecord of(String file, long offset, long ordinal, RecordBytes value) {
    return new RawRecord(file, offset, ordinal, value.copyBytes(), value.fullLength());
  }

  boolean truncated() {
    return fullLength > bytes.length;
  }
}
