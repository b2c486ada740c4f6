package io.msetl.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SDF molecule: its molblock lines and its data items ({@code > <NAME>} followed by value lines
 * up to a blank line; multi-line values keep their line breaks as '\n'). The molblock ends at
 * {@code M END} or, when that is missing (MoNA), at the first data header.
 */
public record SdfRecord(List<String> molblockLines, List<Map.Entry<String, String>> properties) {
  private static final Pattern DATA_HEADER = Pattern.compile("^>.*?<([^>]+)>");

  public static SdfRecord parse(String text) {
    List<String> lines = MolBlocks.splitLines(text);
    List<String> mol = new ArrayList<>();
    int i = 0;
    for (; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.startsWith(">") && DATA_HEADER.matcher(l).find()) {
        break;
      }
      mol.add(l);
      if (l.startsWith("M  END")) {
        i++;
        break;
      }
    }
    List<Map.Entry<String, String>> props = new ArrayList<>();
    while (i < lines.size()) {
      Matcher m = DATA_HEADER.matcher(lines.get(i));
      if (!m.find()) {
        i++;
        continue;
      }
      String name = m.group(1).trim();
      StringBuilder value = new StringBuilder();
      i++;
      while (i < lines.size() && !lines.get(i).isEmpty() && !isDataHeader(lines.get(i))) {
        if (value.length() > 0) {
          value.append('\n');
        }
        value.append(lines.get(i).stripTrailing());
        i++;
      }
      props.add(Map.entry(name, value.toString()));
    }
    return new SdfRecord(List.copyOf(mol), List.copyOf(props));
  }

  private static boolean isDataHeader(String l) {
    return l.startsWith(">") && DATA_HEADER.matcher(l).find();
  }

  /** First value of a property (case-insensitive name), or null. */
  public String property(String name) {
    for (Map.Entry<String, String> e : properties) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
