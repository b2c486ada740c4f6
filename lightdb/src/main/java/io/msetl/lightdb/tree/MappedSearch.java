package io.msetl.lightdb.tree;

import io.msetl.lightdb.ElementType;
import io.msetl.lightdb.KeyComparator;
import io.msetl.lightdb.LightDbException;
import io.msetl.lightdb.Schema;
import io.msetl.lightdb.storage.MappedBlocks;
import java.nio.ByteBuffer;

/**
 * Point lookup (spec §8 "Search") straight on a read-only mapping: the same page layout and the
 * same consistency checks as {@link BTree#load}, but pages are read in place, so a lookup touches
 * no cache map, copies nothing but the found data and allocates only the returned array.
 */
final class MappedSearch {
  private static final long DELETED_FLAG = 0x8000000000000000L;

  private final MappedBlocks blocks;
  private final ElementType keyType;
  private final KeyComparator custom;
  private final byte[] probe;
  private final int keySize;
  private final int dataSize;
  private final int itemSize;
  private final int maxItems;

  MappedSearch(MappedBlocks blocks, Schema schema, KeyComparator comparator) {
    this.blocks = blocks;
    this.keyType = schema.keyType();
    this.custom = keyType == ElementType.UNDEFINED ? comparator : null;
    this.keySize = schema.keyByteSize();
    this.probe = new byte[keySize];
    this.dataSize = schema.dataByteSize();
    this.itemSize = schema.itemByteSize();
    this.maxItems = schema.maxItems();
  }

  /** The data stored under {@code key} (a fresh array), or null if the key is absent. */
  byte[] find(byte[] key, long root) {
    long no = root;
    long parent = 0;
    for (int depth = 0; no != 0; depth++) {
      if (depth == TreePath.MAX_DEPTH) {
        throw LightDbException.broken(
            "tree deeper than " + TreePath.MAX_DEPTH + " levels (cycle?) at page " + no);
      }
      ByteBuffer buf = blocks.chunkOf(checkedBlock(no));
      int base = blocks.offsetOf(no);
      int n = checkedCount(buf, base, no, parent);
      int first = base + Page.HEADER + 8;
      int lo = 0;
      int hi = n - 1;
      // Quaternary steps first: the three probes do not depend on each other, so their cache misses
      // overlap (a plain binary search waits for one miss per step); binary search on the last few.
      while (hi - lo >= 8) {
        int quarter = (hi - lo + 1) >>> 2;
        int m1 = lo + quarter;
        int m2 = m1 + quarter;
        int m3 = m2 + quarter;
        int c1 = compare(key, buf, first + m1 * itemSize);
        int c2 = compare(key, buf, first + m2 * itemSize);
        int c3 = compare(key, buf, first + m3 * itemSize);
        int hit = c1 == 0 ? m1 : c2 == 0 ? m2 : c3 == 0 ? m3 : -1;
        if (hit >= 0) {
          return data(buf, first + hit * itemSize);
        }
        if (c1 < 0) {
          hi = m1 - 1;
        } else if (c2 < 0) {
          lo = m1 + 1;
          hi = m2 - 1;
        } else if (c3 < 0) {
          lo = m2 + 1;
          hi = m3 - 1;
        } else {
          lo = m3 + 1;
        }
      }
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = compare(key, buf, first + mid * itemSize);
        if (c > 0) {
          lo = mid + 1;
        } else if (c < 0) {
          hi = mid - 1;
        } else {
          return data(buf, first + mid * itemSize);
        }
      }
      long left = buf.getLong(base + 16);
      if (left == 0) {
        return null;
      }
      long child = lo == 0 ? left : buf.getLong(base + Page.HEADER + (lo - 1) * itemSize);
      if (child == 0) {
        throw LightDbException.broken("internal page " + no + " has no child in slot " + lo);
      }
      parent = no;
      no = child;
    }
    return null;
  }

  private byte[] data(ByteBuffer buf, int keyOff) {
    byte[] data = new byte[dataSize];
    buf.get(keyOff + keySize, data, 0, dataSize);
    return data;
  }

  private long checkedBlock(long no) {
    if (no <= 0 || no >= blocks.totalBlocks()) {
      throw LightDbException.broken(
          "reference to block " + no + " outside 1.." + (blocks.totalBlocks() - 1));
    }
    return no;
  }

  /**
   * The page's item count after the checks {@link BTree#load} makes (self, deleted flag, count,
   * parent).
   */
  private int checkedCount(ByteBuffer buf, int base, long no, long expectedParent) {
    long self = buf.getLong(base);
    if ((self & DELETED_FLAG) != 0) {
      throw LightDbException.broken("page " + no + " is referenced by the tree but marked deleted");
    }
    if (self != no) {
      throw LightDbException.broken("page " + no + " says it is page " + self);
    }
    long n = buf.getLong(base + 24);
    if (n < 1 || n > maxItems) {
      throw LightDbException.broken(
          "page " + no + " has item count " + n + " outside 1.." + maxItems);
    }
    long parent = buf.getLong(base + 8);
    if (parent != expectedParent) {
      throw LightDbException.broken(
          "page " + no + " has parent " + parent + ", expected " + expectedParent);
    }
    return (int) n;
  }

  private int compare(byte[] key, ByteBuffer buf, int off) {
    if (custom != null) {
      buf.get(off, probe, 0, keySize);
      return custom.compare(key, 0, probe, 0, keySize);
    }
    int size = keyType.size();
    for (int i = 0; i < keySize; i += size) {
      int c = keyType.compareElement(key, i, buf, off + i);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
