package io.msetl.lightdb;

/**
 * Runtime options that are not stored in the file: the key comparator for key type 11 (must be the
 * same every time the file is used), the page cache size, and whether read-only opens memory-map
 * the file so that point lookups bypass the page cache (on by default).
 */
public record LightDbOptions(
    KeyComparator undefinedKeyComparator, long cacheBytes, boolean memoryMap) {

  public LightDbOptions(KeyComparator undefinedKeyComparator, long cacheBytes) {
    this(undefinedKeyComparator, cacheBytes, true);
  }

  public static LightDbOptions defaults() {
    return new LightDbOptions(null, 64L << 20, true);
  }

  public LightDbOptions withComparator(KeyComparator comparator) {
    return new LightDbOptions(comparator, cacheBytes, memoryMap);
  }

  public LightDbOptions withCacheBytes(long bytes) {
    return new LightDbOptions(undefinedKeyComparator, bytes, memoryMap);
  }

  /** Whether {@link OpenMode#READ_ONLY} opens map the file for lookups; writers never map. */
  public LightDbOptions withMemoryMap(boolean map) {
    return new LightDbOptions(undefinedKeyComparator, cacheBytes, map);
  }

  /**
   * Cache capacity in pages: the budget divided by the page size, never below the library's 256.
   */
  int cachePages(int pageByteSize) {
    return (int) Math.max(256, Math.min(Integer.MAX_VALUE, cacheBytes / pageByteSize));
  }

  KeyComparator comparatorFor(ElementType keyType) {
    if (keyType != ElementType.UNDEFINED) {
      return KeyComparator.numeric(keyType);
    }
    if (undefinedKeyComparator == null) {
      throw new LightDbException(
          ErrorCode.KEY_TYPE, "key type 11 (T_UNDEFINED) needs a caller-supplied comparator");
    }
    return undefinedKeyComparator;
  }
}
