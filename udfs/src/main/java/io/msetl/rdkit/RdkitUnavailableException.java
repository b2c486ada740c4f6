package io.msetl.rdkit;

/**
 * RDKit's native library could not be loaded. The message names the cause in plain words (missing
 * file, missing system library and the package that provides it, wrong CPU architecture, wrong
 * classloader) so that an operator can fix it without reading a JNI stack trace.
 */
public final class RdkitUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RdkitUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public RdkitUnavailableException(String message) {
    super(message);
  }
}
