package io.msetl.lightdb;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One record: key bytes and data bytes in the file's little-endian element encoding. Arrays are
 * copied in and out, so a Record is immutable. Use {@link Elements} to convert to typed arrays.
 */
// The name is the original C library's (and public API); java.lang.Record is never used here.
@SuppressWarnings("JavaLangClash")
public final class Record {
  private final byte[] key;
  private final byte[] data;

  public Record(byte[] key, byte[] data) {
    this.key = key.clone();
    this.data = data.clone();
  }

  public byte[] key() {
    return key.clone();
  }

  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Record r && Arrays.equals(key, r.key) && Arrays.equals(data, r.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Record[key="
        + HexFormat.of().formatHex(key)
        + ", data="
        + HexFormat.of().formatHex(data)
        + "]";
  }
}
