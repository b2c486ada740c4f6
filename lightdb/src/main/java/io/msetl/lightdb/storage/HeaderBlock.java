package io.msetl.lightdb.storage;

import io.msetl.lightdb.ElementType;
import io.msetl.lightdb.LightDbException;
import io.msetl.lightdb.LittleEndian;
import io.msetl.lightdb.Schema;
import java.nio.charset.StandardCharsets;

/** Typed view of block 0 (spec §5): database parameters, reserved bytes, and the user area. */
public final class HeaderBlock {
  public static final int FIXED_BYTES = 88;
  static final byte[] MAGIC = "LightDB\0".getBytes(StandardCharsets.US_ASCII);
  public static final int VERSION = 2;

  private final byte[] bytes;

  private HeaderBlock(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A fresh block 0 for an empty database with the given schema. */
  public static HeaderBlock create(Schema schema) {
    HeaderBlock h = new HeaderBlock(new byte[schema.pageByteSize()]);
    System.arraycopy(MAGIC, 0, h.bytes, 0, MAGIC.length);
    LittleEndian.putLong(h.bytes, 8, VERSION);
    h.setTotalBlocks(1);
    LittleEndian.putLong(h.bytes, 32, schema.pageByteSize());
    LittleEndian.putInt(h.bytes, 64, schema.keyType().code());
    LittleEndian.putInt(h.bytes, 68, schema.keyByteSize());
    LittleEndian.putInt(h.bytes, 72, schema.dataType().code());
    LittleEndian.putInt(h.bytes, 76, schema.dataByteSize());
    LittleEndian.putInt(h.bytes, 80, schema.maxItems());
    return h;
  }

  /**
   * Reads and validates block 0. Checks more than the C library (which only checks magic, counts
   * and TopDeleted): types, sizes, the page-size formula and the file length, so that a damaged
   * file fails here with "file is broken" instead of misbehaving later.
   */
  public static HeaderBlock read(BlockFile file) {
    long length = file.length();
    if (length < FIXED_BYTES) {
      throw LightDbException.broken("file has " + length + " bytes, fewer than the 88-byte header");
    }
    byte[] fixed = new byte[FIXED_BYTES];
    file.readAt(0, fixed);
    for (int i = 0; i < 7; i++) {
      if (fixed[i] != MAGIC[i]) {
        throw LightDbException.broken("no LightDB magic at the start of the file");
      }
    }
    long version = LittleEndian.getLong(fixed, 8);
    if (version != 1 && version != 2) {
      throw LightDbException.broken("unknown version " + Long.toUnsignedString(version));
    }
    int keyType = LittleEndian.getInt(fixed, 64);
    if (!ElementType.isValidCode(keyType)) {
      throw LightDbException.broken("key type " + keyType + " is not 1..11");
    }
    int dataType = LittleEndian.getInt(fixed, 72);
    if (!ElementType.isValidCode(dataType)) {
      throw LightDbException.broken("data type " + dataType + " is not 1..11");
    }
    int k = LittleEndian.getInt(fixed, 68);
    int d = LittleEndian.getInt(fixed, 76);
    int m = LittleEndian.getInt(fixed, 80);
    int ks = ElementType.ofCode(keyType).size();
    int ds = ElementType.ofCode(dataType).size();
    if (k <= 0 || d <= 0 || k % ks != 0 || d % ds != 0) {
      throw LightDbException.broken(
          "key/data byte sizes " + k + "/" + d + " do not fit their element types");
    }
    if (m < 8 || m % 2 != 0) {
      throw LightDbException.broken("max items " + m + " is not even and >= 8");
    }
    long page = LittleEndian.getLong(fixed, 32);
    long expectedPage = 32L + (8L + k + d) * m;
    if (page != expectedPage || page > Integer.MAX_VALUE / 2) {
      throw LightDbException.broken(
          "block size " + page + " does not match 32 + (8+K+D) x M = " + expectedPage);
    }
    long total = LittleEndian.getLong(fixed, 16);
    if (total <= 0 || Long.MAX_VALUE / page < total || total * page != length) {
      throw LightDbException.broken(
          "header says "
              + Long.toUnsignedString(total)
              + " blocks of "
              + page
              + " bytes but the file has "
              + length
              + " bytes");
    }
    byte[] all = new byte[(int) page];
    file.readAt(0, all);
    HeaderBlock h = new HeaderBlock(all);
    h.checkCounts();
    return h;
  }

  private void checkCounts() {
    long total = totalBlocks();
    long top = topDeleted();
    long deleted = deletedBlocks();
    long root = rootPage();
    long records = totalRecords();
    if (top < 0
        || top >= total
        || deleted < 0
        || deleted >= total
        || (top == 0) != (deleted == 0)) {
      throw LightDbException.broken(
          "deleted chain head " + top + " / count " + deleted + " do not fit " + total + " blocks");
    }
    if (root < 0 || root >= total || (root == 0) != (records == 0)) {
      throw LightDbException.broken(
          "root page " + root + " / record count " + records + " do not fit " + total + " blocks");
    }
    if (records < 0 || records / schema().maxItems() > total) {
      throw LightDbException.broken(
          "record count " + Long.toUnsignedString(records) + " cannot fit in " + total + " blocks");
    }
    if (root == 0 && deleted != total - 1) {
      throw LightDbException.broken(
          "empty tree but " + (total - 1 - deleted) + " blocks are neither live nor deleted");
    }
  }

  public byte[] bytes() {
    return bytes;
  }

  public Schema schema() {
    ElementType kt = ElementType.ofCode(LittleEndian.getInt(bytes, 64));
    ElementType dt = ElementType.ofCode(LittleEndian.getInt(bytes, 72));
    return new Schema(
        kt,
        LittleEndian.getInt(bytes, 68) / kt.size(),
        dt,
        LittleEndian.getInt(bytes, 76) / dt.size(),
        LittleEndian.getInt(bytes, 80));
  }

  public long version() {
    return LittleEndian.getLong(bytes, 8);
  }

  public long totalBlocks() {
    return LittleEndian.getLong(bytes, 16);
  }

  public void setTotalBlocks(long v) {
    LittleEndian.putLong(bytes, 16, v);
  }

  public long topDeleted() {
    return LittleEndian.getLong(bytes, 24);
  }

  public void setTopDeleted(long v) {
    LittleEndian.putLong(bytes, 24, v);
  }

  public int blockByteSize() {
    return (int) LittleEndian.getLong(bytes, 32);
  }

  public long deletedBlocks() {
    return LittleEndian.getLong(bytes, 40);
  }

  public void setDeletedBlocks(long v) {
    LittleEndian.putLong(bytes, 40, v);
  }

  public long rootPage() {
    return LittleEndian.getLong(bytes, 48);
  }

  public void setRootPage(long v) {
    LittleEndian.putLong(bytes, 48, v);
  }

  public long totalRecords() {
    return LittleEndian.getLong(bytes, 56);
  }

  public void setTotalRecords(long v) {
    LittleEndian.putLong(bytes, 56, v);
  }
}
