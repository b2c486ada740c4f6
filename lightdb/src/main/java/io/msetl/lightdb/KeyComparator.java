package io.msetl.lightdb;

/**
 * Orders two keys of {@code length} bytes stored at the given offsets; negative, zero or positive
 * like the C library's callback. Needed for key type {@link ElementType#UNDEFINED}; built in for
 * the others.
 */
@FunctionalInterface
public interface KeyComparator {
  int compare(byte[] a, int aOffset, byte[] b, int bOffset, int length);

  /** Unsigned lexicographic byte order (C {@code memcmp}), the order of test vector k. */
  KeyComparator MEMCMP =
      (a, ao, b, bo, len) -> java.util.Arrays.compareUnsigned(a, ao, ao + len, b, bo, bo + len);

  /** The library's element-by-element order for a numeric key type (element 0 most significant). */
  static KeyComparator numeric(ElementType type) {
    if (type == ElementType.UNDEFINED) {
      throw new LightDbException(
          ErrorCode.KEY_TYPE, "key type 11 (T_UNDEFINED) needs a caller-supplied comparator");
    }
    int size = type.size();
    return (a, ao, b, bo, len) -> {
      for (int i = 0; i < len; i += size) {
        int c = type.compareElement(a, ao + i, b, bo + i);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }
}
