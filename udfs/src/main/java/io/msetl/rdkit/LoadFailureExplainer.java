package io.msetl.rdkit;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the dynamic linker's terse {@link UnsatisfiedLinkError} text into a sentence an operator
 * can act on: which shared library is missing and which distribution package provides it.
 */
final class LoadFailureExplainer {

  /** glibc's wording: "libfoo.so.6: cannot open shared object file: No such file or directory". */
  private static final Pattern MISSING_DEPENDENCY =
      Pattern.compile("([\\w.+-]+\\.so(?:\\.[\\w.]+)?): cannot open shared object file");

  private static final Pattern WRONG_ELF_CLASS = Pattern.compile("wrong ELF class: (ELFCLASS\\d+)");

  /** Shared libraries libGraphMolWrap.so needs beyond glibc, with the packages that ship them. */
  private static final Map<String, String> PACKAGES =
      Map.of(
          "libfreetype.so.6",
              "Debian/Ubuntu package 'libfreetype6', RHEL/Fedora package 'freetype'",
          "libstdc++.so.6", "Debian/Ubuntu package 'libstdc++6', RHEL/Fedora package 'libstdc++'",
          "libgcc_s.so.1", "Debian/Ubuntu package 'libgcc-s1', RHEL/Fedora package 'libgcc'",
          "libz.so.1", "Debian/Ubuntu package 'zlib1g', RHEL/Fedora package 'zlib'",
          "libpng16.so.16", "Debian/Ubuntu package 'libpng16-16', RHEL/Fedora package 'libpng'",
          "libbz2.so.1.0", "Debian/Ubuntu package 'libbz2-1.0', RHEL/Fedora package 'bzip2-libs'",
          "libbrotlidec.so.1", "Debian/Ubuntu package 'libbrotli1', RHEL/Fedora package 'brotli'");

  private LoadFailureExplainer() {}

  static String explain(Path library, String linkerMessage) {
    String text = linkerMessage == null ? "" : linkerMessage;
    Matcher missing = MISSING_DEPENDENCY.matcher(text);
    while (missing.find()) {
      String lib = missing.group(1);
      if (!lib.equals(library.getFileName().toString())) {
        String pkg = PACKAGES.getOrDefault(lib, "install the package that provides it");
        return "RDKit native library "
            + library
            + " needs the system library "
            + lib
            + ", which is not installed on this machine ("
            + pkg
            + ").";
      }
    }
    Matcher elfClass = WRONG_ELF_CLASS.matcher(text);
    if (elfClass.find()) {
      return "RDKit native library "
          + library
          + " was built for a different architecture ("
          + elfClass.group(1)
          + ") than this JVM ("
          + System.getProperty("os.arch")
          + ").";
    }
    if (text.contains("invalid ELF header") || text.contains("file too short")) {
      return "RDKit native library " + library + " is not a shared library (not an ELF file).";
    }
    return "RDKit native library " + library + " could not be loaded: " + text;
  }
}
