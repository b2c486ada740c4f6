package io.msetl.featurize;

import java.lang.reflect.Method;

/**
 * Reads the text of an exception thrown by the RDKit bindings. SWIG exceptions carry their text in
 * {@code what()} and often have a null {@code getMessage()} (MolSanitizeException does), and they
 * own a native copy of the C++ exception, which is released here.
 */
final class RdkitErrors {
  private RdkitErrors() {}

  static String describe(RuntimeException e) {
    String text = null;
    try {
      Method what = e.getClass().getMethod("what");
      text = (String) what.invoke(e);
      e.getClass().getMethod("delete").invoke(e);
    } catch (ReflectiveOperationException | RuntimeException notSwig) {
      // plain Java exception: getMessage below
    }
    if (text == null || text.isBlank()) {
      text = e.getMessage();
    }
    String name = e.getClass().getSimpleName();
    return text == null || text.isBlank() ? name : name + ": " + oneLine(text);
  }

  static String oneLine(String s) {
    String flat = s.replaceAll("\\s+", " ").trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
