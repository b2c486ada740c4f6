package io.msetl.featurize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The licence-cleared nist-small molecules copied into test resources (see ATTRIBUTION.md). */
public final class TestMolecules {
  /** IDs of the readable molecules; ID1 is the deliberate sanitize failure. */
  public static final List<Integer> READABLE_IDS =
      List.of(4, 6, 11, 14, 15, 16, 17, 18, 21, 23, 24, 28, 31, 43, 45, 60, 79, 105);

  private TestMolecules() {}

  public static String molblock(int id) {
    return resource("/molecules/ID" + id + ".MOL");
  }

  /** Declared InChIKey per ID, from the library record. */
  public static Map<Integer, String> declaredInchiKeys() {
    Map<Integer, String> out = new LinkedHashMap<>();
    String[] lines = resource("/molecules/declared.tsv").split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t");
      out.put(Integer.parseInt(f[0]), f[1]);
    }
    return out;
  }

  static String resource(String path) {
    try (InputStream in = TestMolecules.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
