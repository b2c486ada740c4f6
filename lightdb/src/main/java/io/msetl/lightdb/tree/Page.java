package io.msetl.lightdb.tree;

import io.msetl.lightdb.LittleEndian;
import java.util.Arrays;

/**
 * Typed view of one B-tree page (spec §6): SelfPage, Parent, LeftChild, ItemCount, then M items of
 * (RightChild, key, data). "Slot" s addresses children: slot 0 is LeftChild, slot s is item s-1's
 * RightChild.
 */
final class Page {
  static final int HEADER = 32;

  private final long no;
  private final byte[] b;
  private final int itemSize;
  private final int recordSize;
  private final int maxItems;

  Page(long no, byte[] bytes, int itemSize, int maxItems) {
    this.no = no;
    this.b = bytes;
    this.itemSize = itemSize;
    this.recordSize = itemSize - 8;
    this.maxItems = maxItems;
  }

  long no() {
    return no;
  }

  byte[] bytes() {
    return b;
  }

  long self() {
    return LittleEndian.getLong(b, 0);
  }

  void setSelf(long v) {
    LittleEndian.putLong(b, 0, v);
  }

  long parent() {
    return LittleEndian.getLong(b, 8);
  }

  void setParent(long v) {
    LittleEndian.putLong(b, 8, v);
  }

  long leftChild() {
    return LittleEndian.getLong(b, 16);
  }

  void setLeftChild(long v) {
    LittleEndian.putLong(b, 16, v);
  }

  long rawCount() {
    return LittleEndian.getLong(b, 24);
  }

  int count() {
    return (int) LittleEndian.getLong(b, 24);
  }

  void setCount(int n) {
    LittleEndian.putLong(b, 24, n);
  }

  boolean isLeaf() {
    return leftChild() == 0;
  }

  int itemOffset(int i) {
    return HEADER + i * itemSize;
  }

  int keyOffset(int i) {
    return HEADER + i * itemSize + 8;
  }

  long child(int i) {
    return LittleEndian.getLong(b, itemOffset(i));
  }

  long childAt(int slot) {
    return slot == 0 ? leftChild() : child(slot - 1);
  }

  byte[] readItem(int i) {
    return Arrays.copyOfRange(b, itemOffset(i), itemOffset(i) + itemSize);
  }

  byte[] readRecord(int i) {
    return Arrays.copyOfRange(b, keyOffset(i), keyOffset(i) + recordSize);
  }

  void writeRecord(int i, byte[] record) {
    System.arraycopy(record, 0, b, keyOffset(i), recordSize);
  }

  /**
   * Inserts an item (child + record) at index i, shifting later items right; the page must have
   * room.
   */
  void insertItem(int i, byte[] item) {
    int n = count();
    System.arraycopy(b, itemOffset(i), b, itemOffset(i + 1), (n - i) * itemSize);
    System.arraycopy(item, 0, b, itemOffset(i), itemSize);
    setCount(n + 1);
  }

  void appendItem(byte[] item) {
    insertItem(count(), item);
  }

  /**
   * Removes item i and zeroes the freed slot, so unused slots never hold stale records we wrote.
   */
  void removeItem(int i) {
    int n = count();
    System.arraycopy(b, itemOffset(i + 1), b, itemOffset(i), (n - 1 - i) * itemSize);
    Arrays.fill(b, itemOffset(n - 1), itemOffset(n), (byte) 0);
    setCount(n - 1);
  }

  /** Keeps the first n items and zeroes the rest of the page. */
  void truncate(int n) {
    Arrays.fill(b, itemOffset(n), itemOffset(maxItems), (byte) 0);
    setCount(n);
  }

  static long childOf(byte[] item) {
    return LittleEndian.getLong(item, 0);
  }

  static byte[] item(long child, byte[] record, int itemSize) {
    byte[] it = new byte[itemSize];
    LittleEndian.putLong(it, 0, child);
    System.arraycopy(record, 0, it, 8, itemSize - 8);
    return it;
  }

  static byte[] recordOf(byte[] item) {
    return Arrays.copyOfRange(item, 8, item.length);
  }
}
