package io.msetl.lightdb;

/**
 * Runtime options that are not stored in the file: the key comparator for key type 11 (must be the
 * same every time the file is used) and the page cache size.
 */
public record LightDbOptions(KeyComparator undefinedKeyComparator, long cacheBytes) {

    public static LightDbOptions defaults() {
        return new LightDbOptions(null, 64L << 20);
    }

    public LightDbOptions withComparator(KeyComparator comparator) {
        return new LightDbOptions(comparator, cacheBytes);
    }

    public LightDbOptions withCacheBytes(long bytes) {
        return new LightDbOptions(undefinedKeyComparator, bytes);
    }

    /** Cache capacity in pages: the budget divided by the page size, never below the library's 256. */
    int cachePages(int pageByteSize) {
        return (int) Math.max(256, Math.min(Integer.MAX_VALUE, cacheBytes / pageByteSize));
    }

    KeyComparator comparatorFor(ElementType keyType) {
        if (keyType != ElementType.UNDEFINED) {
            return KeyComparator.numeric(keyType);
        }
        if (undefinedKeyComparator == null) {
            throw new LightDbException(ErrorCode.KEY_TYPE, "key type 11 (T_UNDEFINED) needs a caller-supplied comparator");
        }
        return undefinedKeyComparator;
    }
}
