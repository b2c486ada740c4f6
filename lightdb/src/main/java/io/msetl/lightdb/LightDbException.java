package io.msetl.lightdb;

/**
 * Every fatal LightDB error. The message starts like the original library's error text, e.g. {@code
 * file is broken (-200): page 7 has a bad item count}.
 */
public final class LightDbException extends RuntimeException {
  private final ErrorCode errorCode;

  public LightDbException(ErrorCode errorCode, String detail) {
    super(
        errorCode.text()
            + " ("
            + errorCode.code()
            + ")"
            + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    this.errorCode = errorCode;
  }

  public LightDbException(ErrorCode errorCode, String detail, Throwable cause) {
    this(errorCode, detail);
    initCause(cause);
  }

  public static LightDbException broken(String detail) {
    return new LightDbException(ErrorCode.BROKEN_FILE, detail);
  }

  public ErrorCode errorCode() {
    return errorCode;
  }
}
