package io.msetl.msp;

import org.apache.hadoop.io.BytesWritable;

/**
 * The bytes of one raw record as the reader yields them, plus the record's full length: a record
 * longer than the reader's cap keeps only its first {@code cap} bytes here, so that an input with
 * no record separators (one giant "record") costs bounded memory and becomes a reject instead of an
 * out-of-memory task.
 */
public final class RecordBytes extends BytesWritable {
  private long fullLength;

  /** Bytes the record spans in the file (terminators included), even when truncated. */
  public long fullLength() {
    return fullLength;
  }

  /** True when the record was longer than the cap and only its head is held. */
  public boolean truncated() {
    return fullLength > getLength();
  }

  void setFullLength(long n) {
    fullLength = n;
  }
}
