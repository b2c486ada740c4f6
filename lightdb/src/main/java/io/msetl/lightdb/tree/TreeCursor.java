package io.msetl.lightdb.tree;

import io.msetl.lightdb.LightDbException;
import io.msetl.lightdb.Record;
import java.util.Arrays;
import java.util.Optional;

/**
 * The record pointer of the .NET API: a position that is either ON a record or in the GAP where a
 * missing key would be. Walks with an explicit root-to-leaf stack (spec §11.4); after the tree has
 * been modified it re-finds its position by key, so it stays valid across inserts and deletes.
 *
 * <p>After a failed search, {@link #next()} gives the smallest greater key and {@link #previous()}
 * the largest smaller key. The original library's "previous skips one" quirk (spec §11.7) is
 * deliberately not copied. With nothing selected, next starts at the minimum and previous at the
 * maximum.
 */
public final class TreeCursor {
  private enum State {
    NONE,
    ON,
    GAP
  }

  private final BTree tree;
  private final TreePath path = new TreePath();
  private State state = State.NONE;
  private byte[] key;
  private long seenModCount = -1;

  public TreeCursor(BTree tree) {
    this.tree = tree;
  }

  /** Positions on {@code key} if present (true), else in the gap where it would be (false). */
  public boolean seek(byte[] searchKey) {
    try {
      boolean found = tree.descend(searchKey, path);
      key = searchKey.clone();
      state = found ? State.ON : State.GAP;
      seenModCount = tree.modCount();
      return found;
    } finally {
      tree.store().endOperation();
    }
  }

  /**
   * {@link #seek} and return the data if found. On a mapped read-only file this skips the page
   * cache and leaves the root-to-leaf path empty: a later move re-finds its position by key, as
   * after a modification.
   */
  public Optional<byte[]> read(byte[] searchKey) {
    if (!tree.hasMappedSearch()) {
      return seek(searchKey) ? current().map(Record::data) : Optional.empty();
    }
    byte[] data = tree.findMapped(searchKey);
    path.clear();
    key = searchKey.clone();
    state = data != null ? State.ON : State.GAP;
    seenModCount = tree.modCount();
    return Optional.ofNullable(data);
  }

  public Optional<Record> first() {
    return edge(true);
  }

  public Optional<Record> last() {
    return edge(false);
  }

  private Optional<Record> edge(boolean first) {
    try {
      path.clear();
      Page p = tree.root();
      if (p == null) {
        state = State.NONE;
        return Optional.empty();
      }
      while (!p.isLeaf()) {
        int slot = first ? 0 : p.count();
        path.push(p, slot);
        p = tree.child(p, slot);
      }
      path.push(p, first ? 0 : p.count() - 1);
      return settle();
    } finally {
      tree.store().endOperation();
    }
  }

  /** The record under the pointer, if it is on one. */
  public Optional<Record> current() {
    try {
      if (state != State.ON || !revalidate()) {
        return Optional.empty();
      }
      return Optional.of(record(path.top(), path.topSlot()));
    } finally {
      tree.store().endOperation();
    }
  }

  public Optional<Record> next() {
    try {
      if (state == State.NONE) {
        return first();
      }
      boolean on = revalidate();
      if (path.isEmpty()) {
        return Optional.empty();
      }
      byte[] before = key;
      Optional<Record> r = on ? successorOfItem() : advanceFromGap();
      return checkedMove(r, before, 1);
    } finally {
      tree.store().endOperation();
    }
  }

  public Optional<Record> previous() {
    try {
      if (state == State.NONE) {
        return last();
      }
      boolean on = revalidate();
      if (path.isEmpty()) {
        return Optional.empty();
      }
      byte[] before = key;
      Optional<Record> r = on ? predecessorOfItem() : retreatFromGap();
      return checkedMove(r, before, -1);
    } finally {
      tree.store().endOperation();
    }
  }

  /** Re-finds the position after modifications; returns whether the pointer is on a record. */
  private boolean revalidate() {
    if (seenModCount != tree.modCount() || path.isEmpty()) {
      boolean found = tree.descend(key, path);
      seenModCount = tree.modCount();
      state = found ? State.ON : State.GAP;
    }
    return state == State.ON;
  }

  /** Keys must move strictly in the walking direction; anything else means a damaged tree. */
  private Optional<Record> checkedMove(Optional<Record> r, byte[] before, int direction) {
    if (r.isEmpty()) {
      seenModCount = -1;
      return r;
    }
    if (Integer.signum(tree.compareKeys(key, before)) != direction) {
      throw LightDbException.broken("keys out of order around page " + path.top().no());
    }
    return r;
  }

  private Optional<Record> successorOfItem() {
    Page p = path.top();
    int i = path.topSlot();
    if (p.isLeaf()) {
      path.setTopSlot(i + 1);
      return advanceFromGap();
    }
    path.setTopSlot(i + 1);
    Page c = tree.child(p, i + 1);
    while (!c.isLeaf()) {
      path.push(c, 0);
      c = tree.child(c, 0);
    }
    path.push(c, 0);
    return settle();
  }

  private Optional<Record> predecessorOfItem() {
    Page p = path.top();
    int i = path.topSlot();
    if (p.isLeaf()) {
      return retreatFromGap();
    }
    Page c = tree.child(p, i);
    while (!c.isLeaf()) {
      path.push(c, c.count());
      c = tree.child(c, c.count());
    }
    path.push(c, c.count() - 1);
    return settle();
  }

  /**
   * From gap g of the top leaf: item g, or climb to the first ancestor with an item after our slot.
   */
  private Optional<Record> advanceFromGap() {
    int g = path.topSlot();
    if (g < path.top().count()) {
      return settle();
    }
    path.pop();
    while (!path.isEmpty()) {
      if (path.topSlot() < path.top().count()) {
        return settle();
      }
      path.pop();
    }
    return Optional.empty();
  }

  /**
   * From gap g of the top leaf: item g-1, or climb to the first ancestor with an item before our
   * slot.
   */
  private Optional<Record> retreatFromGap() {
    int g = path.topSlot();
    if (g > 0) {
      path.setTopSlot(g - 1);
      return settle();
    }
    path.pop();
    while (!path.isEmpty()) {
      int s = path.topSlot();
      if (s > 0) {
        path.setTopSlot(s - 1);
        return settle();
      }
      path.pop();
    }
    return Optional.empty();
  }

  /** Marks the pointer as on the top item and returns it. */
  private Optional<Record> settle() {
    Page p = path.top();
    int i = path.topSlot();
    state = State.ON;
    seenModCount = tree.modCount();
    int off = p.keyOffset(i);
    key = Arrays.copyOfRange(p.bytes(), off, off + tree.keySize());
    return Optional.of(record(p, i));
  }

  private Record record(Page p, int i) {
    byte[] rec = p.readRecord(i);
    int k = tree.keySize();
    return new Record(Arrays.copyOf(rec, k), Arrays.copyOfRange(rec, k, rec.length));
  }
}
