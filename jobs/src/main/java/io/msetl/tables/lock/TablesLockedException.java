package io.msetl.tables.lock;

/**
 * Another run holds the tables lock. The CLI maps it to its own exit code (3), so a scheduler can
 * tell "busy, try later" from a failed run.
 */
public final class TablesLockedException extends RuntimeException {
  private final transient LockHolder holder;

  public TablesLockedException(String tables, LockHolder holder, long waitedSeconds) {
    super(
        "tables folder "
            + tables
            + " is locked by "
            + (holder == null
                ? "another run (lock being written or taken over)"
                : holder.describe())
            + (waitedSeconds > 0
                ? "; still locked after waiting " + waitedSeconds + " s"
                : "; wait for it to finish, or pass --wait SECONDS"));
    this.holder = holder;
  }

  /** The holder named in the lock file, or null when it could not be read. */
  public LockHolder holder() {
    return holder;
  }
}
