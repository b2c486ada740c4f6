package io.msetl.lightdb;

/**
 * Error codes of the original LightDB library (spec §13); kept so messages match its documentation.
 */
public enum ErrorCode {
  BAD_BLOCK_NUMBER(-1, "bad block number"),
  FILE_OPEN(-30, "file could not be opened"),
  FILE_OPEN_MODE(-40, "invalid open mode"),
  FILE_READ(-70, "file read failed"),
  FILE_WRITE(-80, "file write failed"),
  FILE_ACCESS_DENIED(-90, "write access denied (read-only open)"),
  KEY_SIZE(-120, "bad key size"),
  KEY_TYPE(-130, "bad key type"),
  DATA_SIZE(-140, "bad data size"),
  DATA_TYPE(-150, "bad data type"),
  ITEMS_NOT_EVEN(-160, "max items must be even and at least 8"),
  BAD_ARGUMENT(-180, "bad argument"),
  BROKEN_FILE(-200, "file is broken"),
  BAD_PTR(-210, "database is closed"),
  SYSTEM(-220, "internal error");

  private final int code;
  private final String text;

  ErrorCode(int code, String text) {
    this.code = code;
    this.text = text;
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }
}
