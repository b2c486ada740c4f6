package io.msetl.msp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Extracts {@code key=value} pairs from a {@code Comments:} value, in the three layouts the corpus
 * uses: MoNA's quoted pairs ({@code "SMILES=CCO" "license=CC BY"}), NIST/FragHub/MassBank-derived
 * semicolon lists ({@code instrument=JEOL; license=CC BY-NC-SA}) and whitespace-separated {@code
 * key=value} / {@code key="value, with commas"} tokens (SpectraST, GC Orbitrap). MoNA SDF {@code
 * COMMENT} properties hold one pair per line, which the semicolon/line rule covers. Segments
 * without '=' are ignored here (the whole comment is kept as written anyway).
 */
public final class CommentPairs {
  private CommentPairs() {}

  public static List<Map.Entry<String, String>> parse(String comment) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (comment == null || comment.indexOf('=') < 0) {
      return out;
    }
    String c = comment.trim();
    if (c.startsWith("\"")) {
      quotedPairs(c, out);
    } else if (c.indexOf(';') >= 0 || c.indexOf('\n') >= 0) {
      for (String seg : c.split("[;\n]")) {
        addPair(seg, out);
      }
    } else {
      tokenPairs(c, out);
    }
    return out;
  }

  private static void quotedPairs(String c, List<Map.Entry<String, String>> out) {
    int i = 0;
    while (true) {
      int open = c.indexOf('"', i);
      if (open < 0) {
        return;
      }
      int close = c.indexOf('"', open + 1);
      if (close < 0) {
        addPair(c.substring(open + 1), out);
        return;
      }
      addPair(c.substring(open + 1, close), out);
      i = close + 1;
    }
  }

  /** {@code k=v k2="v, w" k3=x}: a value runs to the next space, or to its closing quote. */
  private static void tokenPairs(String c, List<Map.Entry<String, String>> out) {
    int i = 0;
    int n = c.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(c.charAt(i))) {
        i++;
      }
      int eq = c.indexOf('=', i);
      if (eq < 0) {
        return;
      }
      int space = indexOfWhitespace(c, i);
      if (space >= 0 && space < eq) { // a word without '=': skip it
        i = space;
        continue;
      }
      String key = c.substring(i, eq);
      int v = eq + 1;
      int end;
      String value;
      if (v < n && c.charAt(v) == '"') {
        int close = c.indexOf('"', v + 1);
        end = close < 0 ? n : close + 1;
        value = c.substring(v + 1, close < 0 ? n : close);
      } else {
        int sp = indexOfWhitespace(c, v);
        end = sp < 0 ? n : sp;
        value = c.substring(v, end);
      }
      if (!key.isBlank()) {
        out.add(Map.entry(key.trim(), value.trim()));
      }
      i = end;
    }
  }

  private static int indexOfWhitespace(String c, int from) {
    for (int i = from; i < c.length(); i++) {
      if (Character.isWhitespace(c.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static void addPair(String seg, List<Map.Entry<String, String>> out) {
    int eq = seg.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String key = seg.substring(0, eq).trim();
    if (!key.isEmpty()) {
      out.add(Map.entry(key, seg.substring(eq + 1).trim()));
    }
  }
}
