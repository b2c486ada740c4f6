package io.msetl.tables.lock;

/**
 * The right to write a tables folder until {@link #close()}: a {@link TablesLock} of its own, or a
 * share of a lock an enclosing command (nightly) already holds.
 */
public interface TablesLease extends AutoCloseable {
  @Override
  void close();

  /** A lease on a lock somebody else holds and releases. */
  static TablesLease shared() {
    return () -> {};
  }
}
