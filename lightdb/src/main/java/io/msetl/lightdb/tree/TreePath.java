package io.msetl.lightdb.tree;

import io.msetl.lightdb.LightDbException;

/**
 * Root-to-page path of one search. For every page but the last, {@code slot} is the child slot
 * taken; for the last page it is the item index (exact hit) or the insertion index (gap after a
 * miss).
 */
final class TreePath {
  /**
   * Deeper than any real file (2^64 records at M = 8 need height 32); guards cycles in broken
   * files.
   */
  static final int MAX_DEPTH = 40;

  private final Page[] pages = new Page[MAX_DEPTH];
  private final int[] slots = new int[MAX_DEPTH];
  private int depth;

  void clear() {
    depth = 0;
  }

  void push(Page page, int slot) {
    if (depth == MAX_DEPTH) {
      throw LightDbException.broken(
          "tree deeper than " + MAX_DEPTH + " levels (cycle?) at page " + page.no());
    }
    pages[depth] = page;
    slots[depth] = slot;
    depth++;
  }

  void pop() {
    depth--;
  }

  int depth() {
    return depth;
  }

  boolean isEmpty() {
    return depth == 0;
  }

  Page page(int d) {
    return pages[d];
  }

  int slot(int d) {
    return slots[d];
  }

  void setSlot(int d, int slot) {
    slots[d] = slot;
  }

  Page top() {
    return pages[depth - 1];
  }

  int topSlot() {
    return slots[depth - 1];
  }

  void setTopSlot(int slot) {
    slots[depth - 1] = slot;
  }
}
