package io.msetl.lightdb;

/**
 * The fixed record geometry of a LightDB file: key and data element types and counts, and the page
 * fan-out {@code maxItems} (M). Sizes follow spec §4: record = K + D, item = 8 + record, page = 32
 * + item x M.
 */
public record Schema(
    ElementType keyType, int keyElements, ElementType dataType, int dataElements, int maxItems) {

  public Schema {
    if (keyType == null) {
      throw new LightDbException(ErrorCode.KEY_TYPE, "key type is required");
    }
    if (dataType == null) {
      throw new LightDbException(ErrorCode.DATA_TYPE, "data type is required");
    }
    if (keyElements <= 0) {
      throw new LightDbException(
          ErrorCode.KEY_SIZE, "key element count must be positive, got " + keyElements);
    }
    if (dataElements <= 0) {
      throw new LightDbException(
          ErrorCode.DATA_SIZE, "data element count must be positive, got " + dataElements);
    }
    if (maxItems < 8 || maxItems % 2 != 0) {
      throw new LightDbException(
          ErrorCode.ITEMS_NOT_EVEN, "max items must be even and >= 8, got " + maxItems);
    }
    long page =
        32L
            + (8L + (long) keyElements * keyType.size() + (long) dataElements * dataType.size())
                * maxItems;
    if (page > Integer.MAX_VALUE / 2) {
      throw new LightDbException(ErrorCode.BAD_ARGUMENT, "page size " + page + " is too large");
    }
  }

  /** A schema with the library's default MaxItems for this record size (spec §4.1). */
  public static Schema withDefaultMaxItems(
      ElementType keyType, int keyElements, ElementType dataType, int dataElements) {
    int record = keyElements * keyType.size() + dataElements * dataType.size();
    return new Schema(keyType, keyElements, dataType, dataElements, defaultMaxItems(record));
  }

  /**
   * The C library's rule: the smallest multiple of 8 items whose page reaches 4 KiB; if that is 32
   * or fewer, the smallest reaching 8 KiB instead. Requests that are odd or below 8 get this too.
   */
  public static int defaultMaxItems(int recordByteSize) {
    long item = 8L + recordByteSize;
    int m = 8;
    while (32 + item * m < 4096) {
      m += 8;
    }
    if (m <= 32) {
      while (32 + item * m < 8192) {
        m += 8;
      }
    }
    return m;
  }

  public int keyByteSize() {
    return keyElements * keyType.size();
  }

  public int dataByteSize() {
    return dataElements * dataType.size();
  }

  public int recordByteSize() {
    return keyByteSize() + dataByteSize();
  }

  public int itemByteSize() {
    return 8 + recordByteSize();
  }

  public int pageByteSize() {
    return 32 + itemByteSize() * maxItems;
  }

  /** User area bytes at the end of block 0: floor((P - 88) / 2). */
  public int userAreaByteSize() {
    return (pageByteSize() - 88) / 2;
  }

  public int userAreaOffset() {
    return pageByteSize() - userAreaByteSize();
  }
}
