package io.msetl.lightdb.tree;

import io.msetl.lightdb.KeyComparator;
import io.msetl.lightdb.LittleEndian;
import io.msetl.lightdb.Schema;
import io.msetl.lightdb.VerifyReport;
import io.msetl.lightdb.storage.BlockStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Checks every invariant of spec §6.1 and §7, more than the original verifier (which skips Parent
 * fields, leaf depth and global order) and without its double-count defect. Never throws for a
 * broken structure: every finding becomes a problem line.
 */
public final class TreeChecker {
  private static final int MAX_PROBLEMS = 100;

  private final BlockStore store;
  private final KeyComparator comparator;
  private final Schema schema;
  private final List<String> problems = new ArrayList<>();
  private final BitSet live = new BitSet();
  private long records;
  private int leafDepth = -1;

  private TreeChecker(BlockStore store, KeyComparator comparator) {
    this.store = store;
    this.comparator = comparator;
    this.schema = store.schema();
  }

  public static VerifyReport check(BlockStore store, KeyComparator comparator) {
    return new TreeChecker(store, comparator).run();
  }

  private void problem(String s) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add("ERROR: " + s);
    }
  }

  private VerifyReport run() {
    long total = store.totalBlocks();
    long expectedLength = total * (long) schema.pageByteSize();
    if (store.fileLength() != expectedLength) {
      problem(
          "file size "
              + store.fileLength()
              + " is not TotalBlocks x page size = "
              + expectedLength);
    }
    BitSet chain = walkChain(total);
    long root = store.rootPage();
    if (root != 0) {
      walk(root, 0, 0, null, null);
    }
    long livePages = live.cardinality();
    BitSet both = (BitSet) live.clone();
    both.and(chain);
    if (!both.isEmpty()) {
      problem("block " + both.nextSetBit(0) + " is both live and on the deleted chain");
    }
    BitSet accounted = (BitSet) live.clone();
    accounted.or(chain);
    int orphan = accounted.nextClearBit(1);
    if (orphan < total) {
      problem(
          "block "
              + orphan
              + " is neither reachable from the root nor on the deleted chain ("
              + (total - 1 - accounted.cardinality())
              + " such blocks)");
    }
    if (records != store.totalRecords()) {
      problem("header says " + store.totalRecords() + " records, pages hold " + records);
    }
    int height = root == 0 ? 0 : leafDepth + 1;
    double occupancy =
        livePages == 0 ? 0 : 100.0 * records / (livePages * (double) schema.maxItems());
    List<String> lines = new ArrayList<>();
    lines.add("Valid records (有効レコード数) = " + records);
    lines.add("Valid pages (有効ページ数) = " + livePages);
    lines.add("Deleted pages (削除ページ数) = " + chain.cardinality());
    lines.add("B-Tree height (B-Tree の高さ) = " + height);
    lines.add(String.format(Locale.ROOT, "Record occupancy (レコード占有率) = %.6f%%", occupancy));
    lines.addAll(problems);
    lines.add(problems.isEmpty() ? "OK: no problems found" : problems.size() + " problem(s) found");
    return new VerifyReport(
        problems, records, livePages, chain.cardinality(), height, occupancy, lines);
  }

  private BitSet walkChain(long total) {
    BitSet chain = new BitSet();
    long no = store.header().topDeleted();
    long steps = 0;
    while (no != 0) {
      if (no < 0 || no >= total) {
        problem("deleted chain reaches block " + no + " outside the file");
        break;
      }
      if (chain.get((int) no)) {
        problem("deleted chain has a cycle at block " + no);
        break;
      }
      long first = LittleEndian.getLong(store.block(no), 0);
      store.endOperation();
      if (first >= 0) {
        problem("deleted chain member " + no + " lacks the deleted flag");
        break;
      }
      chain.set((int) no);
      no = first & Long.MAX_VALUE;
      if (++steps > total) {
        break;
      }
    }
    if (chain.cardinality() != store.header().deletedBlocks()) {
      problem(
          "deleted chain has "
              + chain.cardinality()
              + " blocks, header says "
              + store.header().deletedBlocks());
    }
    return chain;
  }

  private void walk(long no, long parent, int depth, byte[] low, byte[] high) {
    if (depth >= TreePath.MAX_DEPTH) {
      problem("tree deeper than " + TreePath.MAX_DEPTH + " at page " + no);
      return;
    }
    if (no <= 0 || no >= store.totalBlocks()) {
      problem("page " + parent + " refers to block " + no + " outside the file");
      return;
    }
    if (live.get((int) no)) {
      problem("page " + no + " is referenced more than once");
      return;
    }
    byte[] b = store.block(no).clone();
    store.endOperation();
    Page p = new Page(no, b, schema.itemByteSize(), schema.maxItems());
    if (p.self() < 0) {
      problem("page " + parent + " refers to deleted block " + no);
      return;
    }
    live.set((int) no);
    if (p.self() != no) {
      problem("page " + no + " has SelfPage " + p.self());
    }
    long n = p.rawCount();
    if (n < 1 || n > schema.maxItems()) {
      problem("page " + no + " has item count " + n + " outside 1.." + schema.maxItems());
      return;
    }
    if (p.parent() != parent) {
      problem("page " + no + " has Parent " + p.parent() + ", expected " + parent);
    }
    if (parent != 0 && n < schema.maxItems() / 2) {
      problem(
          "non-root page "
              + no
              + " has only "
              + n
              + " items (minimum "
              + schema.maxItems() / 2
              + ")");
    }
    records += n;
    int k = schema.keyByteSize();
    for (int i = 0; i < n; i++) {
      int off = p.keyOffset(i);
      if (i > 0 && comparator.compare(b, p.keyOffset(i - 1), b, off, k) >= 0) {
        problem("page " + no + " keys not increasing at item " + i);
      }
      if ((low != null && comparator.compare(b, off, low, 0, k) <= 0)
          || (high != null && comparator.compare(b, off, high, 0, k) >= 0)) {
        problem("page " + no + " item " + i + " is outside the key range its parent allows");
      }
    }
    if (p.isLeaf()) {
      for (int i = 0; i < n; i++) {
        if (p.child(i) != 0) {
          problem("leaf " + no + " has a right child in item " + i);
          break;
        }
      }
      if (leafDepth < 0) {
        leafDepth = depth;
      } else if (leafDepth != depth) {
        problem("leaf " + no + " is at depth " + depth + ", other leaves at " + leafDepth);
      }
      return;
    }
    for (int slot = 0; slot <= n; slot++) {
      long c = p.childAt(slot);
      if (c == 0) {
        problem("internal page " + no + " has no child in slot " + slot);
        continue;
      }
      byte[] lo = slot == 0 ? low : key(b, p.keyOffset(slot - 1), k);
      byte[] hi = slot == n ? high : key(b, p.keyOffset(slot), k);
      walk(c, no, depth + 1, lo, hi);
    }
  }

  private static byte[] key(byte[] b, int off, int k) {
    return Arrays.copyOfRange(b, off, off + k);
  }
}
