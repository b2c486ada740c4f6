package io.msetl.export.lightdb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Builds little-endian byte runs and deflates them into zlib streams (what Python's {@code
 * zlib.decompress} reads). One per shard writer: a Deflater is not shared across threads.
 */
final class Zlib implements AutoCloseable {
  private final Deflater deflater = new Deflater(6);
  private ByteBuffer raw = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private byte[] out = new byte[1 << 16];

  /** An empty little-endian buffer of at least {@code bytes} bytes, to fill and pass to deflate. */
  ByteBuffer buffer(long bytes) {
    if (bytes > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("block of " + bytes + " bytes is too large");
    }
    if (raw.capacity() < bytes) {
      raw =
          ByteBuffer.allocate((int) Math.max(bytes, raw.capacity() * 2L))
              .order(ByteOrder.LITTLE_ENDIAN);
    }
    raw.clear();
    return raw;
  }

  /** The zlib stream of the buffer's bytes 0..position. */
  byte[] deflate(ByteBuffer filled) {
    deflater.reset();
    deflater.setInput(filled.array(), 0, filled.position());
    deflater.finish();
    int n = 0;
    while (!deflater.finished()) {
      if (n == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      n += deflater.deflate(out, n, out.length - n);
    }
    return Arrays.copyOf(out, n);
  }

  @Override
  public void close() {
    deflater.end();
  }
}
