package io.msetl.rdkit;

/** Child-JVM entry point for the load-failure tests: prints the version or the error message. */
public final class RdkitLoadProbe {
  private RdkitLoadProbe() {}

  public static void main(String[] args) {
    try {
      System.out.println("VERSION " + RdkitNative.version());
    } catch (RdkitUnavailableException e) {
      System.out.println("ERROR " + e.getMessage());
      System.exit(3);
    }
  }
}
