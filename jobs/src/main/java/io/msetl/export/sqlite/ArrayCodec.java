package io.msetl.export.sqlite;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Arrays as zlib-compressed little-endian blobs (Python: {@code
 * numpy.frombuffer(zlib.decompress(b), "<f4")}). One instance per writer/reader thread: it reuses
 * its Deflater, which is not thread-safe.
 */
public final class ArrayCodec implements AutoCloseable {
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
  private final byte[] chunk = new byte[64 * 1024];

  public byte[] floats(List<?> values) {
    ByteBuffer b = le(values.size() * 4);
    for (Object v : values) {
      b.putFloat(((Number) v).floatValue());
    }
    return compress(b.array());
  }

  public byte[] doubles(List<?> values) {
    ByteBuffer b = le(values.size() * 8);
    for (Object v : values) {
      b.putDouble(((Number) v).doubleValue());
    }
    return compress(b.array());
  }

  /** Integers widened to int64: PyTorch Geometric wants edge_index as int64. */
  public byte[] longs(List<?> values) {
    ByteBuffer b = le(values.size() * 8);
    for (Object v : values) {
      b.putLong(((Number) v).longValue());
    }
    return compress(b.array());
  }

  public byte[] ints(List<?> values) {
    ByteBuffer b = le(values.size() * 4);
    for (Object v : values) {
      b.putInt(((Number) v).intValue());
    }
    return compress(b.array());
  }

  private static ByteBuffer le(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private byte[] compress(byte[] raw) {
    deflater.reset();
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
    while (!deflater.finished()) {
      int n = deflater.deflate(chunk);
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  public static float[] decodeFloats(byte[] blob) {
    ByteBuffer b = inflate(blob);
    float[] out = new float[b.remaining() / 4];
    b.asFloatBuffer().get(out);
    return out;
  }

  public static double[] decodeDoubles(byte[] blob) {
    ByteBuffer b = inflate(blob);
    double[] out = new double[b.remaining() / 8];
    b.asDoubleBuffer().get(out);
    return out;
  }

  public static long[] decodeLongs(byte[] blob) {
    ByteBuffer b = inflate(blob);
    long[] out = new long[b.remaining() / 8];
    b.asLongBuffer().get(out);
    return out;
  }

  public static int[] decodeInts(byte[] blob) {
    ByteBuffer b = inflate(blob);
    int[] out = new int[b.remaining() / 4];
    b.asIntBuffer().get(out);
    return out;
  }

  private static ByteBuffer inflate(byte[] blob) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(blob);
      ByteArrayOutputStream out = new ByteArrayOutputStream(blob.length * 4);
      byte[] buf = new byte[16 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("truncated or corrupt zlib array blob");
        }
        out.write(buf, 0, n);
      }
      return ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("corrupt zlib array blob: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  @Override
  public void close() {
    deflater.end();
  }
}
