package io.msetl.lightdb;

import java.util.function.Function;

/**
 * Converts a Java primitive array to and from the little-endian element bytes of one element width.
 * Signed and unsigned types share the codec of their width ({@link #INTS} for SINT32 and UINT32).
 */
public final class ElementCodec<T> {
  public static final ElementCodec<byte[]> BYTES =
      new ElementCodec<>("byte[]", 1, byte[]::clone, byte[]::clone, a -> a.length);
  public static final ElementCodec<short[]> SHORTS =
      new ElementCodec<>("short[]", 2, Elements::shorts, Elements::toShorts, a -> a.length);
  public static final ElementCodec<int[]> INTS =
      new ElementCodec<>("int[]", 4, Elements::ints, Elements::toInts, a -> a.length);
  public static final ElementCodec<long[]> LONGS =
      new ElementCodec<>("long[]", 8, Elements::longs, Elements::toLongs, a -> a.length);
  public static final ElementCodec<float[]> FLOATS =
      new ElementCodec<>("float[]", 4, Elements::floats, Elements::toFloats, a -> a.length);
  public static final ElementCodec<double[]> DOUBLES =
      new ElementCodec<>("double[]", 8, Elements::doubles, Elements::toDoubles, a -> a.length);

  private final String name;
  private final int width;
  private final Function<T, byte[]> encode;
  private final Function<byte[], T> decode;
  private final Function<T, Integer> length;

  private ElementCodec(
      String name,
      int width,
      Function<T, byte[]> encode,
      Function<byte[], T> decode,
      Function<T, Integer> length) {
    this.name = name;
    this.width = width;
    this.encode = encode;
    this.decode = decode;
    this.length = length;
  }

  /**
   * Whether this codec can carry elements of {@code type} (same width; floats only as floats,
   * integers only as integers).
   */
  public boolean fits(ElementType type) {
    boolean floating = this == FLOATS || this == DOUBLES;
    return type.size() == width && type.isFloatingPoint() == floating;
  }

  byte[] encode(T values, int expectedElements, String what) {
    if (values == null || length.apply(values) != expectedElements) {
      throw new LightDbException(
          what.equals("key") ? ErrorCode.KEY_SIZE : ErrorCode.DATA_SIZE,
          what
              + " must have "
              + expectedElements
              + " elements, got "
              + (values == null ? "null" : length.apply(values)));
    }
    return encode.apply(values);
  }

  T decode(byte[] bytes) {
    return decode.apply(bytes);
  }

  @Override
  public String toString() {
    return name;
  }
}
