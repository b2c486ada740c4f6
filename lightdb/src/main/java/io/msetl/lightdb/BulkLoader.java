package io.msetl.lightdb;

import io.msetl.lightdb.storage.BlockFile;
import io.msetl.lightdb.storage.HeaderBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a fully packed B-tree from records in strictly increasing key order (spec §12): the shape
 * of §12.1, records assigned in one in-order pass (§12.2), reference page numbering (§12.3, leaves
 * first, root last). Streaming: one open page per level, so the record count must be known up
 * front. Output goes to a temporary file that {@link #close()} renames over the target once
 * complete.
 */
public final class BulkLoader implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final BlockFile file;
  private final Schema schema;
  private final KeyComparator comparator;
  private final long total;
  private final Level[] levels;
  private final byte[] userArea;
  private long added;
  private byte[] lastKey;
  private boolean closed;

  /** Page counts and child distribution of one level (level 0 = leaves). */
  private final class Level {
    final long pages;
    final long firstPageNo;
    final long quotient;
    final long remainder;
    final byte[] page;
    long index;
    int items;
    long childrenAttached;

    Level(long pages, long units, long firstPageNo) {
      this.pages = pages;
      this.firstPageNo = firstPageNo;
      this.quotient = units / pages;
      this.remainder = units % pages;
      this.page = new byte[schema.pageByteSize()];
    }

    /**
     * Records (leaves) or children (internal) of page j: even split, the first ones get one more.
     */
    long share(long j) {
      return quotient + (j < remainder ? 1 : 0);
    }

    /** Which page of this level owns unit u (record index for leaves, child index above). */
    long owner(long u) {
      long big = remainder * (quotient + 1);
      return u < big ? u / (quotient + 1) : remainder + (u - big) / quotient;
    }
  }

  private BulkLoader(
      Path target, Schema schema, long recordCount, KeyComparator comparator, byte[] userArea) {
    this.target = target;
    this.schema = schema;
    this.comparator = comparator;
    this.total = recordCount;
    this.userArea = userArea;
    this.levels = shape(recordCount);
    this.temp = DefaultLightDb.tempFileFor(target);
    this.file = BlockFile.openWritable(temp, true);
    file.setBlockSize(schema.pageByteSize());
    for (int l = 0; l < levels.length; l++) {
      openPage(l);
    }
  }

  /**
   * Starts a bulk load of exactly {@code recordCount} records into {@code target} (replaced on
   * close).
   */
  public static BulkLoader create(
      Path target, Schema schema, long recordCount, LightDbOptions options) {
    if (recordCount < 0) {
      throw new LightDbException(
          ErrorCode.BAD_ARGUMENT, "record count must be >= 0, got " + recordCount);
    }
    return new BulkLoader(
        target, schema, recordCount, options.comparatorFor(schema.keyType()), null);
  }

  public static BulkLoader create(Path target, Schema schema, long recordCount) {
    return create(target, schema, recordCount, LightDbOptions.defaults());
  }

  /**
   * Like {@link #create(Path, Schema, long, LightDbOptions)} with user-area bytes (truncated to its
   * size).
   */
  public static BulkLoader create(
      Path target, Schema schema, long recordCount, LightDbOptions options, byte[] userArea) {
    if (recordCount < 0) {
      throw new LightDbException(
          ErrorCode.BAD_ARGUMENT, "record count must be >= 0, got " + recordCount);
    }
    return new BulkLoader(
        target, schema, recordCount, options.comparatorFor(schema.keyType()), userArea.clone());
  }

  private Level[] shape(long n) {
    List<Level> list = new ArrayList<>();
    if (n == 0) {
      return new Level[0];
    }
    long m = schema.maxItems();
    long leaves = ceilDiv(n + 1, m + 1);
    long next = 1;
    list.add(new Level(leaves, n - (leaves - 1), next));
    next += leaves;
    long below = leaves;
    while (below > 1) {
      long pages = ceilDiv(below, m + 1);
      list.add(new Level(pages, below, next));
      next += pages;
      below = pages;
    }
    return list.toArray(new Level[0]);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /** Total blocks of the finished file, including block 0. */
  public long totalBlocks() {
    long t = 1;
    for (Level l : levels) {
      t += l.pages;
    }
    return t;
  }

  /** B-tree height of the finished file (0 when empty). */
  public int height() {
    return levels.length;
  }

  private long pageNo(int level, long index) {
    return levels[level].firstPageNo + index;
  }

  private void openPage(int l) {
    Level lv = levels[l];
    Arrays.fill(lv.page, (byte) 0);
    long no = pageNo(l, lv.index);
    LittleEndian.putLong(lv.page, 0, no);
    long parent = l + 1 < levels.length ? pageNo(l + 1, levels[l + 1].owner(lv.index)) : 0;
    LittleEndian.putLong(lv.page, 8, parent);
    if (l > 0) {
      LittleEndian.putLong(lv.page, 16, pageNo(l - 1, firstChild(l)));
    }
    lv.items = 0;
    lv.childrenAttached = 0;
  }

  /** Index (within level l-1) of the first child of level l's open page. */
  private long firstChild(int l) {
    Level lv = levels[l];
    long big = Math.min(lv.index, lv.remainder);
    return big * (lv.quotient + 1) + (lv.index - big) * lv.quotient;
  }

  private void putItem(int l, long rightChild, byte[] key, byte[] data) {
    Level lv = levels[l];
    int off = 32 + lv.items * schema.itemByteSize();
    LittleEndian.putLong(lv.page, off, rightChild);
    System.arraycopy(key, 0, lv.page, off + 8, key.length);
    System.arraycopy(data, 0, lv.page, off + 8 + key.length, data.length);
    lv.items++;
    LittleEndian.putLong(lv.page, 24, lv.items);
  }

  private void writePage(int l) {
    Level lv = levels[l];
    file.writeBlock(pageNo(l, lv.index), lv.page);
    lv.index++;
    if (lv.index < lv.pages) {
      openPage(l);
    }
  }

  /** Adds the next record; keys must be strictly increasing in the file's key order. */
  public void add(byte[] key, byte[] data) {
    if (closed) {
      throw new LightDbException(ErrorCode.BAD_PTR, "bulk loader is closed");
    }
    checkRecord(key, data);
    if (added == total) {
      throw new LightDbException(
          ErrorCode.BAD_ARGUMENT, "more records than the announced " + total);
    }
    added++;
    Level leaf = levels[0];
    if (leaf.items < leaf.share(leaf.index)) {
      putItem(0, 0, key, data);
      return;
    }
    writePage(0);
    placeSeparator(1, key, data);
  }

  /** Adds a record whose key is one 64-bit element (SINT64/UINT64), e.g. a sample id. */
  public void add(long key, byte[] data) {
    add(Elements.longs(key), data);
  }

  /**
   * The level-(l-1) page just finished is attached to level l; the separator goes here or further
   * up.
   */
  private void placeSeparator(int l, byte[] key, byte[] data) {
    Level lv = levels[l];
    lv.childrenAttached++;
    if (lv.childrenAttached == lv.share(lv.index)) {
      writePage(l);
      placeSeparator(l + 1, key, data);
    } else {
      putItem(l, pageNo(l - 1, levels[l - 1].index), key, data);
    }
  }

  private void checkRecord(byte[] key, byte[] data) {
    if (key == null || key.length != schema.keyByteSize()) {
      throw new LightDbException(
          ErrorCode.KEY_SIZE, "key must have " + schema.keyByteSize() + " bytes");
    }
    if (data == null || data.length != schema.dataByteSize()) {
      throw new LightDbException(
          ErrorCode.DATA_SIZE, "data must have " + schema.dataByteSize() + " bytes");
    }
    ElementType t = schema.keyType();
    for (int off = 0; t.isFloatingPoint() && off < key.length; off += t.size()) {
      if (t.isNaN(key, off)) {
        throw new LightDbException(ErrorCode.BAD_ARGUMENT, "NaN key element at record " + added);
      }
    }
    if (lastKey != null && comparator.compare(lastKey, 0, key, 0, key.length) >= 0) {
      throw new LightDbException(
          ErrorCode.BAD_ARGUMENT,
          "keys must be strictly increasing; record "
              + added
              + " is not greater than the one before");
    }
    lastKey = key.clone();
  }

  /**
   * Writes the last pages and the header, forces the file and renames it over the target. If fewer
   * records than announced were added, the temporary file is removed, the target is left as it was,
   * and an exception says so.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (added != total) {
        throw new LightDbException(
            ErrorCode.BAD_ARGUMENT,
            "announced "
                + total
                + " records but got "
                + added
                + "; "
                + target
                + " was not written");
      }
      if (levels.length > 0) {
        writePage(0);
        for (int l = 1; l < levels.length; l++) {
          levels[l].childrenAttached++;
          writePage(l);
        }
      }
      HeaderBlock h = HeaderBlock.create(schema);
      h.setTotalBlocks(totalBlocks());
      h.setRootPage(levels.length == 0 ? 0 : totalBlocks() - 1);
      h.setTotalRecords(total);
      if (userArea != null) {
        System.arraycopy(
            userArea,
            0,
            h.bytes(),
            schema.userAreaOffset(),
            Math.min(userArea.length, schema.userAreaByteSize()));
      }
      file.writeBlock(0, h.bytes());
      file.force();
      file.close();
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      abandon();
      throw new LightDbException(
          ErrorCode.FILE_WRITE, "cannot publish " + target + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      abandon();
      throw e;
    }
  }

  private void abandon() {
    try {
      file.close();
    } catch (RuntimeException ignored) {
      // already closed
    }
    DefaultLightDb.deleteQuietly(temp);
  }
}
