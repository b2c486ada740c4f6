package io.msetl.lightdb.storage;

import io.msetl.lightdb.ErrorCode;
import io.msetl.lightdb.LightDbException;
import io.msetl.lightdb.LittleEndian;
import io.msetl.lightdb.Schema;
import java.io.Closeable;
import java.util.Arrays;

/**
 * Block layer: block 0 (header and user area), page access through the cache, and allocation with
 * the deleted-page chain (spec §7: LIFO, top bit of the first word marks a deleted block).
 */
public final class BlockStore implements Closeable {
  public static final long DELETED_FLAG = 0x8000000000000000L;

  private final BlockFile file;
  private final HeaderBlock header;
  private final PageCache cache;
  private final Schema schema;
  private MappedBlocks mapped;
  private boolean headerDirty;

  private BlockStore(BlockFile file, HeaderBlock header, int cachePages) {
    this.file = file;
    this.header = header;
    this.schema = header.schema();
    file.setBlockSize(header.blockByteSize());
    this.cache = new PageCache(file, cachePages);
  }

  /** Starts a new empty database in {@code file} (which must be empty or truncated). */
  public static BlockStore create(BlockFile file, Schema schema, int cachePages) {
    BlockStore s = new BlockStore(file, HeaderBlock.create(schema), cachePages);
    s.headerDirty = true;
    return s;
  }

  public static BlockStore open(BlockFile file, int cachePages) {
    return new BlockStore(file, HeaderBlock.read(file), cachePages);
  }

  /**
   * Opens a read-only file and also maps it (in chunks of at most {@code chunkBytes}) for the
   * lookup fast path; the page cache still serves everything else.
   */
  public static BlockStore openMapped(BlockFile file, int cachePages, long chunkBytes) {
    BlockStore s = open(file, cachePages);
    s.mapped = file.mapReadOnly(s.totalBlocks(), chunkBytes);
    return s;
  }

  /** The read-only mapping of the whole file, or null if this store is not mapped. */
  public MappedBlocks mapped() {
    return mapped;
  }

  public Schema schema() {
    return schema;
  }

  public HeaderBlock header() {
    return header;
  }

  public boolean writable() {
    return file.writable();
  }

  public long totalBlocks() {
    return header.totalBlocks();
  }

  public long rootPage() {
    return header.rootPage();
  }

  public long totalRecords() {
    return header.totalRecords();
  }

  public void setRootPage(long page) {
    header.setRootPage(page);
    headerDirty = true;
  }

  public void addToRecordCount(long delta) {
    header.setTotalRecords(header.totalRecords() + delta);
    headerDirty = true;
  }

  /** The raw bytes of a block 1..TotalBlocks-1 (live or deleted; the caller interprets them). */
  public byte[] block(long blockNo) {
    if (blockNo <= 0 || blockNo >= header.totalBlocks()) {
      throw LightDbException.broken(
          "reference to block " + blockNo + " outside 1.." + (header.totalBlocks() - 1));
    }
    return cache.get(blockNo);
  }

  public void markDirty(long blockNo) {
    requireWritable();
    cache.markDirty(blockNo);
  }

  /**
   * A zero-filled block for a new page: the head of the deleted chain if there is one (LIFO reuse),
   * otherwise a new block at the end of the file.
   */
  public long allocate() {
    requireWritable();
    long no = header.topDeleted();
    if (no != 0) {
      byte[] b = block(no);
      long first = LittleEndian.getLong(b, 0);
      if ((first & DELETED_FLAG) == 0) {
        throw LightDbException.broken("deleted chain member " + no + " has no deleted flag");
      }
      long next = first & ~DELETED_FLAG;
      if (next >= header.totalBlocks()) {
        throw LightDbException.broken("deleted chain member " + no + " points to block " + next);
      }
      header.setTopDeleted(next);
      header.setDeletedBlocks(header.deletedBlocks() - 1);
      Arrays.fill(b, (byte) 0);
      cache.markDirty(no);
    } else {
      no = header.totalBlocks();
      header.setTotalBlocks(no + 1);
      cache.putNew(no, new byte[file.blockSize()]);
    }
    headerDirty = true;
    return no;
  }

  /** Pushes a block on the deleted chain; its other bytes stay as they were, like the library. */
  public void free(long blockNo) {
    requireWritable();
    if (blockNo <= 0 || blockNo >= header.totalBlocks()) {
      throw new LightDbException(ErrorCode.SYSTEM, "cannot free block " + blockNo);
    }
    byte[] b = block(blockNo);
    LittleEndian.putLong(b, 0, header.topDeleted() | DELETED_FLAG);
    LittleEndian.putLong(b, 24, 0);
    cache.markDirty(blockNo);
    header.setTopDeleted(blockNo);
    header.setDeletedBlocks(header.deletedBlocks() + 1);
    headerDirty = true;
  }

  public byte[] readUserArea() {
    return Arrays.copyOfRange(header.bytes(), schema.userAreaOffset(), schema.pageByteSize());
  }

  /** Writes the first bytes of the user area (longer input is truncated, like the library). */
  public void writeUserArea(byte[] data) {
    requireWritable();
    int n = Math.min(data.length, schema.userAreaByteSize());
    System.arraycopy(data, 0, header.bytes(), schema.userAreaOffset(), n);
    headerDirty = true;
  }

  /** Ends one tree operation: the cache may evict again. */
  public void endOperation() {
    cache.trim();
  }

  /** Writes dirty pages, then the header, then forces the file to disk. */
  public void flush() {
    if (!file.writable()) {
      return;
    }
    cache.flush();
    if (headerDirty || file.length() < header.totalBlocks() * (long) file.blockSize()) {
      file.writeBlock(0, header.bytes());
      headerDirty = false;
    }
    file.force();
  }

  public long fileLength() {
    return file.length();
  }

  private void requireWritable() {
    if (!file.writable()) {
      throw new LightDbException(ErrorCode.FILE_ACCESS_DENIED, "database was opened read-only");
    }
  }

  @Override
  public void close() {
    file.close();
  }
}
