package io.msetl.lightdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The eleven element types of a LightDB key or data array (spec §3), with the original library's
 * per-element order: unsigned types compare unsigned, floats by primitive {@code <}/{@code >} so
 * that -0.0 equals 0.0. {@link #UNDEFINED} is opaque bytes whose key order the application
 * supplies.
 */
public enum ElementType {
  UBYTE8(1, 1, "UBYTE"),
  SBYTE8(2, 1, "SBYTE"),
  USHORT16(3, 2, "USHORT"),
  SSHORT16(4, 2, "SSHORT"),
  UINT32(5, 4, "UINT"),
  SINT32(6, 4, "SINT"),
  UINT64(7, 8, "ULONG"),
  SINT64(8, 8, "SLONG"),
  FLOAT32(9, 4, "FLOAT"),
  DOUBLE64(10, 8, "DOUBLE"),
  UNDEFINED(11, 1, "UNDEFINED");

  private final int code;
  private final int size;
  private final String shortName;

  ElementType(int code, int size, String shortName) {
    this.code = code;
    this.size = size;
    this.shortName = shortName;
  }

  /** The type code stored in the header (1..11). */
  public int code() {
    return code;
  }

  /** Bytes per element (1 for UNDEFINED, whose arrays are sized in bytes). */
  public int size() {
    return size;
  }

  /** The library's name, e.g. {@code T_SINT32}. */
  public String libraryName() {
    return "T_" + name();
  }

  /** The short name the .NET print-out uses, e.g. {@code SINT}. */
  public String shortName() {
    return shortName;
  }

  public boolean isFloatingPoint() {
    return this == FLOAT32 || this == DOUBLE64;
  }

  public static boolean isValidCode(int code) {
    return code >= 1 && code <= 11;
  }

  public static ElementType ofCode(int code) {
    if (!isValidCode(code)) {
      throw new IllegalArgumentException("element type code must be 1..11, got " + code);
    }
    return values()[code - 1];
  }

  /** Compares one element of {@code a} with one of {@code b} the way the C library does. */
  public int compareElement(byte[] a, int aOff, byte[] b, int bOff) {
    switch (this) {
      case UBYTE8:
      case UNDEFINED:
        return Integer.compare(a[aOff] & 0xFF, b[bOff] & 0xFF);
      case SBYTE8:
        return Integer.compare(a[aOff], b[bOff]);
      case USHORT16:
        return Integer.compare(
            LittleEndian.getShort(a, aOff) & 0xFFFF, LittleEndian.getShort(b, bOff) & 0xFFFF);
      case SSHORT16:
        return Integer.compare(LittleEndian.getShort(a, aOff), LittleEndian.getShort(b, bOff));
      case UINT32:
        return Integer.compareUnsigned(LittleEndian.getInt(a, aOff), LittleEndian.getInt(b, bOff));
      case SINT32:
        return Integer.compare(LittleEndian.getInt(a, aOff), LittleEndian.getInt(b, bOff));
      case UINT64:
        return Long.compareUnsigned(LittleEndian.getLong(a, aOff), LittleEndian.getLong(b, bOff));
      case SINT64:
        return Long.compare(LittleEndian.getLong(a, aOff), LittleEndian.getLong(b, bOff));
      case FLOAT32:
        {
          float x = Float.intBitsToFloat(LittleEndian.getInt(a, aOff));
          float y = Float.intBitsToFloat(LittleEndian.getInt(b, bOff));
          return x > y ? 1 : x < y ? -1 : 0;
        }
      case DOUBLE64:
        {
          double x = Double.longBitsToDouble(LittleEndian.getLong(a, aOff));
          double y = Double.longBitsToDouble(LittleEndian.getLong(b, bOff));
          return x > y ? 1 : x < y ? -1 : 0;
        }
      default:
        throw new IllegalStateException(name());
    }
  }

  /**
   * {@link #compareElement(byte[], int, byte[], int)} with the second element in a little-endian
   * buffer.
   */
  public int compareElement(byte[] a, int aOff, ByteBuffer b, int bOff) {
    switch (this) {
      case UBYTE8:
      case UNDEFINED:
        return Integer.compare(a[aOff] & 0xFF, b.get(bOff) & 0xFF);
      case SBYTE8:
        return Integer.compare(a[aOff], b.get(bOff));
      case USHORT16:
        return Integer.compare(LittleEndian.getShort(a, aOff) & 0xFFFF, b.getShort(bOff) & 0xFFFF);
      case SSHORT16:
        return Integer.compare(LittleEndian.getShort(a, aOff), b.getShort(bOff));
      case UINT32:
        return Integer.compareUnsigned(LittleEndian.getInt(a, aOff), b.getInt(bOff));
      case SINT32:
        return Integer.compare(LittleEndian.getInt(a, aOff), b.getInt(bOff));
      case UINT64:
        return Long.compareUnsigned(LittleEndian.getLong(a, aOff), b.getLong(bOff));
      case SINT64:
        return Long.compare(LittleEndian.getLong(a, aOff), b.getLong(bOff));
      case FLOAT32:
        {
          float x = Float.intBitsToFloat(LittleEndian.getInt(a, aOff));
          float y = b.getFloat(bOff);
          return x > y ? 1 : x < y ? -1 : 0;
        }
      case DOUBLE64:
        {
          double x = Double.longBitsToDouble(LittleEndian.getLong(a, aOff));
          double y = b.getDouble(bOff);
          return x > y ? 1 : x < y ? -1 : 0;
        }
      default:
        throw new IllegalStateException(name());
    }
  }

  /** True if the element at {@code off} is a floating-point NaN (such keys are rejected). */
  public boolean isNaN(byte[] b, int off) {
    if (this == FLOAT32) {
      return Float.isNaN(Float.intBitsToFloat(LittleEndian.getInt(b, off)));
    }
    if (this == DOUBLE64) {
      return Double.isNaN(Double.longBitsToDouble(LittleEndian.getLong(b, off)));
    }
    return false;
  }

  /**
   * The element as a Java value: Long for integers (unsigned 64-bit as BigInteger), Float/Double,
   * Byte for UNDEFINED.
   */
  public Object value(byte[] b, int off) {
    switch (this) {
      case UBYTE8:
        return (long) (b[off] & 0xFF);
      case SBYTE8:
        return (long) b[off];
      case USHORT16:
        return (long) (LittleEndian.getShort(b, off) & 0xFFFF);
      case SSHORT16:
        return (long) LittleEndian.getShort(b, off);
      case UINT32:
        return LittleEndian.getInt(b, off) & 0xFFFFFFFFL;
      case SINT32:
        return (long) LittleEndian.getInt(b, off);
      case UINT64:
        return new BigInteger(Long.toUnsignedString(LittleEndian.getLong(b, off)));
      case SINT64:
        return LittleEndian.getLong(b, off);
      case FLOAT32:
        return Float.intBitsToFloat(LittleEndian.getInt(b, off));
      case DOUBLE64:
        return Double.longBitsToDouble(LittleEndian.getLong(b, off));
      case UNDEFINED:
        return b[off];
      default:
        throw new IllegalStateException(name());
    }
  }

  /**
   * Text form used by the test vectors' {@code .txt} files (floats round-trip; bytes as {@code
   * 0xNN}).
   */
  public String format(byte[] b, int off) {
    switch (this) {
      case UINT64:
        return Long.toUnsignedString(LittleEndian.getLong(b, off));
      case FLOAT32:
        return formatFloat(Float.intBitsToFloat(LittleEndian.getInt(b, off)));
      case DOUBLE64:
        return formatDouble(Double.longBitsToDouble(LittleEndian.getLong(b, off)));
      case UNDEFINED:
        return String.format(Locale.ROOT, "0x%02x", b[off] & 0xFF);
      default:
        return value(b, off).toString();
    }
  }

  /**
   * Parses one element token (decimal integer, float incl. {@code Infinity}/{@code NaN}, or {@code
   * 0xNN} for UNDEFINED) into {@code dst} at {@code off}.
   *
   * @throws NumberFormatException if the token is not a value of this type
   */
  public void parse(String token, byte[] dst, int off) {
    switch (this) {
      case UBYTE8:
        dst[off] = (byte) parseRange(token, 0, 0xFF);
        break;
      case SBYTE8:
        dst[off] = (byte) parseRange(token, Byte.MIN_VALUE, Byte.MAX_VALUE);
        break;
      case USHORT16:
        LittleEndian.putShort(dst, off, (short) parseRange(token, 0, 0xFFFF));
        break;
      case SSHORT16:
        LittleEndian.putShort(
            dst, off, (short) parseRange(token, Short.MIN_VALUE, Short.MAX_VALUE));
        break;
      case UINT32:
        LittleEndian.putInt(dst, off, (int) parseRange(token, 0, 0xFFFFFFFFL));
        break;
      case SINT32:
        LittleEndian.putInt(
            dst, off, (int) parseRange(token, Integer.MIN_VALUE, Integer.MAX_VALUE));
        break;
      case UINT64:
        LittleEndian.putLong(dst, off, Long.parseUnsignedLong(token));
        break;
      case SINT64:
        LittleEndian.putLong(dst, off, Long.parseLong(token));
        break;
      case FLOAT32:
        LittleEndian.putInt(dst, off, Float.floatToRawIntBits(Float.parseFloat(token)));
        break;
      case DOUBLE64:
        LittleEndian.putLong(dst, off, Double.doubleToRawLongBits(Double.parseDouble(token)));
        break;
      case UNDEFINED:
        {
          String hex =
              token.startsWith("0x") || token.startsWith("0X") ? token.substring(2) : token;
          dst[off] = (byte) Integer.parseInt(hex, 16);
          if (hex.isEmpty() || hex.length() > 2) {
            throw new NumberFormatException("not a byte: " + token);
          }
          break;
        }
      default:
        throw new IllegalStateException(name());
    }
  }

  private static long parseRange(String token, long min, long max) {
    long v = Long.parseLong(token);
    if (v < min || v > max) {
      throw new NumberFormatException(token + " is outside " + min + ".." + max);
    }
    return v;
  }

  private static String formatFloat(float f) {
    if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
      return special(f);
    }
    BigDecimal exact = new BigDecimal(f);
    for (int digits = 1; ; digits++) {
      BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (Float.parseFloat(r.toString()) == f) {
        return cStyleG(r, digits);
      }
    }
  }

  private static String formatDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
      return special(d);
    }
    BigDecimal exact = new BigDecimal(d);
    for (int digits = 1; ; digits++) {
      BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(r.toString()) == d) {
        return cStyleG(r, digits);
      }
    }
  }

  private static String special(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return 1 / d < 0 ? "-0" : "0";
  }

  /**
   * C's {@code %.Pg} of a value already rounded to P significant digits (the vectors' text form,
   * spec §15.12): fixed notation if -4 <= exponent < P, else {@code d.ddde+XX}; trailing zeros
   * dropped. glibc rounds the exact binary value half-even, which is what {@link BigDecimal#round}
   * did.
   */
  private static String cStyleG(BigDecimal rounded, int precision) {
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent >= -4 && exponent < precision) {
      return stripZeros(
          rounded
              .setScale(Math.max(0, precision - 1 - exponent), RoundingMode.UNNECESSARY)
              .toPlainString());
    }
    String digits = rounded.unscaledValue().abs().toString();
    String mantissa =
        digits.length() == 1 ? digits : stripZeros(digits.charAt(0) + "." + digits.substring(1));
    String sign = rounded.signum() < 0 ? "-" : "";
    String exp = String.format(Locale.ROOT, "%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
    return sign + mantissa + "e" + exp;
  }

  private static String stripZeros(String fixed) {
    if (fixed.indexOf('.') < 0) {
      return fixed;
    }
    int end = fixed.length();
    while (fixed.charAt(end - 1) == '0') {
      end--;
    }
    if (fixed.charAt(end - 1) == '.') {
      end--;
    }
    return fixed.substring(0, end);
  }
}
