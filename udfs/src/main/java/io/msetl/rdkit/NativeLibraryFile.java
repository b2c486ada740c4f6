package io.msetl.rdkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a native library file before {@code System.load}, so that the common mistakes (path wrong,
 * not a library, built for another CPU) get a plain-words error instead of a linker one.
 */
final class NativeLibraryFile {

  /** ELF e_machine values of the architectures a JVM may report. */
  private static final Map<Integer, String> MACHINES =
      Map.of(
          3,
          "x86 (32-bit)",
          62,
          "x86-64 (amd64)",
          40,
          "ARM (32-bit)",
          183,
          "AArch64 (arm64)",
          243,
          "RISC-V",
          21,
          "PowerPC 64-bit",
          22,
          "IBM s390x");

  private NativeLibraryFile() {}

  /** Throws {@link RdkitUnavailableException} naming the problem when the file cannot work here. */
  static void check(Path library) {
    if (!Files.exists(library)) {
      throw new RdkitUnavailableException(
          "RDKit native library not found: "
              + library
              + " does not exist (check msetl.rdkit.library / MSETL_RDKIT_LIBRARY).");
    }
    if (!Files.isRegularFile(library) || !Files.isReadable(library)) {
      throw new RdkitUnavailableException(
          "RDKit native library " + library + " is not a readable regular file.");
    }
    if (!isLinux()) {
      return; // only ELF headers are checked; other platforms rely on the loader's message
    }
    byte[] header = new byte[20];
    int read;
    try (InputStream in = Files.newInputStream(library)) {
      read = in.readNBytes(header, 0, header.length);
    } catch (IOException e) {
      throw new RdkitUnavailableException(
          "RDKit native library " + library + " cannot be read: " + e.getMessage(), e);
    }
    if (read < header.length
        || header[0] != 0x7f
        || header[1] != 'E'
        || header[2] != 'L'
        || header[3] != 'F') {
      throw new RdkitUnavailableException(
          "RDKit native library " + library + " is not a shared library (not an ELF file).");
    }
    ByteOrder order = header[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    int machine = ByteBuffer.wrap(header, 18, 2).order(order).getShort() & 0xffff;
    String expected = expectedMachine();
    String actual = MACHINES.getOrDefault(machine, "ELF machine " + machine);
    if (expected != null && !expected.equals(actual)) {
      throw new RdkitUnavailableException(
          "RDKit native library "
              + library
              + " was built for "
              + actual
              + " but this JVM runs on "
              + expected
              + " (os.arch="
              + System.getProperty("os.arch")
              + "); use an RDKit build for this CPU.");
    }
  }

  static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
  }

  private static String expectedMachine() {
    return switch (System.getProperty("os.arch", "")) {
      case "amd64", "x86_64" -> MACHINES.get(62);
      case "aarch64", "arm64" -> MACHINES.get(183);
      case "x86", "i386", "i686" -> MACHINES.get(3);
      default -> null;
    };
  }
}
