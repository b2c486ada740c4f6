package io.msetl.lightdb.storage;

import java.util.Arrays;

/**
 * Bounded LRU cache of whole blocks with write-back of dirty blocks. It never evicts inside an
 * operation: callers hold page arrays across one tree operation, so eviction waits for {@link
 * #trim()}.
 *
 * <p>Keyed by primitive block numbers (open addressing, linear probing) with an index-linked LRU
 * list and a dirty flag per entry: a boxed-key LinkedHashMap plus a TreeSet of dirty blocks cost
 * more than the B-tree work of an insert.
 */
public final class PageCache {
  private static final int NONE = -1;

  private final BlockFile file;
  private final int capacity;

  /** Hash table: block number -> entry index + 1 (0 = empty slot). */
  private long[] slotKeys = new long[512];

  private int[] slotEntries = new int[512];

  /** Entries, with a free list threaded through {@code next}. */
  private long[] blockOf = new long[256];

  private byte[][] pageOf = new byte[256][];
  private boolean[] dirty = new boolean[256];
  private int[] prev = new int[256];
  private int[] next = new int[256];
  private int freeEntry = NONE;
  private int usedEntries;
  private int size;
  private int dirtyCount;

  /** Least and most recently used entries. */
  private int oldest = NONE;

  private int newest = NONE;

  public PageCache(BlockFile file, int capacity) {
    this.file = file;
    this.capacity = Math.max(16, capacity);
  }

  /** The cached block, read from the file on a miss. */
  public byte[] get(long blockNo) {
    int e = find(blockNo);
    if (e != NONE) {
      touch(e);
      return pageOf[e];
    }
    byte[] page = new byte[file.blockSize()];
    file.readBlock(blockNo, page);
    add(blockNo, page, false);
    return page;
  }

  /** Adds a block that exists only in memory so far (a new or reset page); it is dirty. */
  public void putNew(long blockNo, byte[] page) {
    int e = find(blockNo);
    if (e != NONE) {
      pageOf[e] = page;
      touch(e);
      setDirty(e);
    } else {
      add(blockNo, page, true);
    }
  }

  public void markDirty(long blockNo) {
    int e = find(blockNo);
    if (e == NONE) {
      throw new IllegalStateException("block " + blockNo + " is marked dirty but not cached");
    }
    setDirty(e);
  }

  /** Evicts least recently used blocks down to capacity, writing dirty ones back. */
  public void trim() {
    while (size > capacity) {
      int e = oldest;
      if (dirty[e]) {
        file.writeBlock(blockOf[e], pageOf[e]);
      }
      remove(e);
    }
  }

  /** Writes all dirty blocks in block order. */
  public void flush() {
    if (dirtyCount == 0) {
      return;
    }
    long[] blocks = new long[dirtyCount];
    int n = 0;
    for (int e = newest; e != NONE; e = prev[e]) {
      if (dirty[e]) {
        blocks[n++] = blockOf[e];
      }
    }
    Arrays.sort(blocks);
    for (long no : blocks) {
      int e = find(no);
      file.writeBlock(no, pageOf[e]);
      dirty[e] = false;
    }
    dirtyCount = 0;
  }

  public int size() {
    return size;
  }

  private void setDirty(int e) {
    if (!dirty[e]) {
      dirty[e] = true;
      dirtyCount++;
    }
  }

  private static int hash(long blockNo) {
    return (int) ((blockNo * 0x9E3779B97F4A7C15L) >>> 32);
  }

  private int find(long blockNo) {
    int mask = slotKeys.length - 1;
    for (int i = hash(blockNo) & mask; slotEntries[i] != 0; i = (i + 1) & mask) {
      if (slotKeys[i] == blockNo) {
        return slotEntries[i] - 1;
      }
    }
    return NONE;
  }

  private void add(long blockNo, byte[] page, boolean isDirty) {
    int e = newEntry();
    blockOf[e] = blockNo;
    pageOf[e] = page;
    dirty[e] = isDirty;
    if (isDirty) {
      dirtyCount++;
    }
    linkNewest(e);
    if ((size + 1) * 2 > slotKeys.length) {
      rehash(slotKeys.length * 2);
    }
    insertSlot(blockNo, e);
    size++;
  }

  private void remove(int e) {
    unlink(e);
    deleteSlot(blockOf[e]);
    pageOf[e] = null;
    if (dirty[e]) {
      dirty[e] = false;
      dirtyCount--;
    }
    next[e] = freeEntry;
    freeEntry = e;
    size--;
  }

  private int newEntry() {
    if (freeEntry != NONE) {
      int e = freeEntry;
      freeEntry = next[e];
      return e;
    }
    if (usedEntries == blockOf.length) {
      int n = usedEntries * 2;
      blockOf = Arrays.copyOf(blockOf, n);
      pageOf = Arrays.copyOf(pageOf, n);
      dirty = Arrays.copyOf(dirty, n);
      prev = Arrays.copyOf(prev, n);
      next = Arrays.copyOf(next, n);
    }
    return usedEntries++;
  }

  private void touch(int e) {
    if (e != newest) {
      unlink(e);
      linkNewest(e);
    }
  }

  private void linkNewest(int e) {
    prev[e] = newest;
    next[e] = NONE;
    if (newest != NONE) {
      next[newest] = e;
    } else {
      oldest = e;
    }
    newest = e;
  }

  private void unlink(int e) {
    int p = prev[e];
    int n = next[e];
    if (p != NONE) {
      next[p] = n;
    } else {
      oldest = n;
    }
    if (n != NONE) {
      prev[n] = p;
    } else {
      newest = p;
    }
  }

  private void insertSlot(long blockNo, int e) {
    int mask = slotKeys.length - 1;
    int i = hash(blockNo) & mask;
    while (slotEntries[i] != 0) {
      i = (i + 1) & mask;
    }
    slotKeys[i] = blockNo;
    slotEntries[i] = e + 1;
  }

  /** Linear-probing deletion by backward shift, so no tombstones accumulate. */
  private void deleteSlot(long blockNo) {
    int mask = slotKeys.length - 1;
    int i = hash(blockNo) & mask;
    while (slotKeys[i] != blockNo || slotEntries[i] == 0) {
      i = (i + 1) & mask;
    }
    slotEntries[i] = 0;
    for (int j = (i + 1) & mask; slotEntries[j] != 0; j = (j + 1) & mask) {
      int home = hash(slotKeys[j]) & mask;
      boolean movable = i <= j ? home <= i || home > j : home <= i && home > j;
      if (movable) {
        slotKeys[i] = slotKeys[j];
        slotEntries[i] = slotEntries[j];
        slotEntries[j] = 0;
        i = j;
      }
    }
  }

  private void rehash(int slots) {
    long[] oldKeys = slotKeys;
    int[] oldEntries = slotEntries;
    slotKeys = new long[slots];
    slotEntries = new int[slots];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldEntries[i] != 0) {
        insertSlot(oldKeys[i], oldEntries[i] - 1);
      }
    }
  }
}
