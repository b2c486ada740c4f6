package io.msetl.export.lightdb;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Appends blocks to a shard's {@code .dat} file: little-endian arrays with no per-block header (the
 * index record holds the counts), each block zero-padded to a multiple of 8 bytes so every block,
 * and every int64/float64 array at its start, is 8-byte aligned in a memory map.
 */
final class PayloadWriter implements AutoCloseable {
  private final OutputStream out;
  private ByteBuffer buf = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
  private long position;

  PayloadWriter(Path file) throws IOException {
    out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  long position() {
    return position;
  }

  /** Starts a block of at most {@code bytes} bytes (before padding). */
  PayloadWriter begin(long bytes) {
    long need = bytes + 8;
    if (need > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("payload block of " + bytes + " bytes is too large");
    }
    if (buf.capacity() < need) {
      buf =
          ByteBuffer.allocate((int) Math.max(need, buf.capacity() * 2L))
              .order(ByteOrder.LITTLE_ENDIAN);
    }
    buf.clear();
    return this;
  }

  PayloadWriter doubles(List<?> values) {
    for (Object v : values) {
      buf.putDouble(((Number) v).doubleValue());
    }
    return this;
  }

  PayloadWriter putDouble(double v) {
    buf.putDouble(v);
    return this;
  }

  PayloadWriter ints(int[] values, int count) {
    for (int i = 0; i < count; i++) {
      buf.putInt(values[i]);
    }
    return this;
  }

  PayloadWriter floats(float[] values, int count) {
    for (int i = 0; i < count; i++) {
      buf.putFloat(values[i]);
    }
    return this;
  }

  /** u32 byte length, then the bytes (a zlib stream, in format 2). */
  PayloadWriter sized(byte[] b) {
    buf.putInt(b.length);
    buf.put(b);
    return this;
  }

  PayloadWriter bytes(byte[] b) {
    buf.put(b);
    return this;
  }

  PayloadWriter floats(List<?> values) {
    for (Object v : values) {
      buf.putFloat(((Number) v).floatValue());
    }
    return this;
  }

  /** Integers widened to int64 (PyTorch Geometric indexes with int64). */
  PayloadWriter longs(List<?> values) {
    for (Object v : values) {
      buf.putLong(((Number) v).longValue());
    }
    return this;
  }

  /** u32 byte length, then the UTF-8 bytes. */
  PayloadWriter text(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    buf.putInt(b.length);
    buf.put(b);
    return this;
  }

  /** Pads, writes the block and returns {offset, length, CRC-32 of the padded block}. */
  long[] end() throws IOException {
    while (buf.position() % 8 != 0) {
      buf.put((byte) 0);
    }
    long offset = position;
    out.write(buf.array(), 0, buf.position());
    position += buf.position();
    CRC32 crc = new CRC32();
    crc.update(buf.array(), 0, buf.position());
    return new long[] {offset, buf.position(), crc.getValue()};
  }

  static long textBytes(String s) {
    return 4L + s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
