package io.msetl.lightdb;

import java.util.StringJoiner;

/**
 * Conversions between Java primitive arrays and the little-endian element bytes of keys and data.
 * Signed and unsigned types share the Java type of their width ({@code int[]} for SINT32 and
 * UINT32).
 */
public final class Elements {
  private Elements() {}

  public static byte[] shorts(short... v) {
    byte[] b = new byte[v.length * 2];
    for (int i = 0; i < v.length; i++) {
      LittleEndian.putShort(b, i * 2, v[i]);
    }
    return b;
  }

  public static byte[] ints(int... v) {
    byte[] b = new byte[v.length * 4];
    for (int i = 0; i < v.length; i++) {
      LittleEndian.putInt(b, i * 4, v[i]);
    }
    return b;
  }

  public static byte[] longs(long... v) {
    byte[] b = new byte[v.length * 8];
    for (int i = 0; i < v.length; i++) {
      LittleEndian.putLong(b, i * 8, v[i]);
    }
    return b;
  }

  public static byte[] floats(float... v) {
    byte[] b = new byte[v.length * 4];
    for (int i = 0; i < v.length; i++) {
      LittleEndian.putInt(b, i * 4, Float.floatToRawIntBits(v[i]));
    }
    return b;
  }

  public static byte[] doubles(double... v) {
    byte[] b = new byte[v.length * 8];
    for (int i = 0; i < v.length; i++) {
      LittleEndian.putLong(b, i * 8, Double.doubleToRawLongBits(v[i]));
    }
    return b;
  }

  public static short[] toShorts(byte[] b) {
    short[] v = new short[b.length / 2];
    for (int i = 0; i < v.length; i++) {
      v[i] = LittleEndian.getShort(b, i * 2);
    }
    return v;
  }

  public static int[] toInts(byte[] b) {
    int[] v = new int[b.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = LittleEndian.getInt(b, i * 4);
    }
    return v;
  }

  public static long[] toLongs(byte[] b) {
    long[] v = new long[b.length / 8];
    for (int i = 0; i < v.length; i++) {
      v[i] = LittleEndian.getLong(b, i * 8);
    }
    return v;
  }

  public static float[] toFloats(byte[] b) {
    float[] v = new float[b.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = Float.intBitsToFloat(LittleEndian.getInt(b, i * 4));
    }
    return v;
  }

  public static double[] toDoubles(byte[] b) {
    double[] v = new double[b.length / 8];
    for (int i = 0; i < v.length; i++) {
      v[i] = Double.longBitsToDouble(LittleEndian.getLong(b, i * 8));
    }
    return v;
  }

  /** Space-separated text of all elements, as in the test vectors' {@code .txt} files. */
  public static String format(ElementType type, byte[] b) {
    StringJoiner j = new StringJoiner(" ");
    for (int off = 0; off < b.length; off += type.size()) {
      j.add(type.format(b, off));
    }
    return j.toString();
  }

  /** Parses {@code count} element tokens starting at {@code tokens[from]}. */
  public static byte[] parse(ElementType type, int count, String[] tokens, int from) {
    if (tokens.length - from < count) {
      throw new NumberFormatException(
          "expected " + count + " values, got " + Math.max(0, tokens.length - from));
    }
    byte[] b = new byte[count * type.size()];
    for (int i = 0; i < count; i++) {
      type.parse(tokens[from + i], b, i * type.size());
    }
    return b;
  }
}
