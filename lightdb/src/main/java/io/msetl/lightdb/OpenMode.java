package io.msetl.lightdb;

/**
 * How {@link LightDb#open} treats the file (the .NET OpenNew / OpenRenew / Open / Open(readOnly)).
 */
public enum OpenMode {
  /** Create a new file; fails if it exists. */
  CREATE_NEW,
  /** Create a new file, replacing an existing one on close. */
  CREATE_OR_TRUNCATE,
  /** Open an existing file for modification, or create it if missing. */
  OPEN_OR_CREATE,
  /** Open an existing file for reading only. */
  READ_ONLY;

  public boolean writable() {
    return this != READ_ONLY;
  }
}
