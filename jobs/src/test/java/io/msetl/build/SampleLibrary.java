package io.msetl.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NIST-layout library (library.msp + MOL/ID{n}.MOL) made from records of the bundled sample, with
 * the edits a nightly library sees: records added and removed, a spectrum changed, a structure
 * replaced. Record n is the sample's n-th record ({@code ID: n}).
 */
final class SampleLibrary {
  private static final Path SAMPLE = sample();
  private static final String[] RECORDS = records();

  private final Map<Integer, String> records = new LinkedHashMap<>();
  private final Map<Integer, Integer> molOf = new LinkedHashMap<>();

  static SampleLibrary of(int from, int to) {
    SampleLibrary lib = new SampleLibrary();
    for (int n = from; n <= to; n++) {
      lib.add(n);
    }
    return lib;
  }

  SampleLibrary add(int n) {
    records.put(n, RECORDS[n - 1].strip());
    molOf.put(n, n);
    return this;
  }

  SampleLibrary remove(int n) {
    records.remove(n);
    molOf.remove(n);
    return this;
  }

  /** Changes the intensity of the record's first peak (its spectrum changes, nothing else). */
  SampleLibrary editSpectrum(int n) {
    List<String> lines = new ArrayList<>(List.of(records.get(n).split("\r\n")));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Num Peaks")) {
        String peaks = lines.get(i + 1);
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("^(\\S+)[ \t]+([0-9.]+)").matcher(peaks);
        if (!m.find()) {
          throw new IllegalStateException("no peak in record " + n);
        }
        double halved = Double.parseDouble(m.group(2)) / 2 + 1;
        lines.set(i + 1, m.group(1) + " " + halved + peaks.substring(m.end()));
        break;
      }
    }
    records.put(n, String.join("\r\n", lines));
    return this;
  }

  /** Gives record n the MOL file of sample record m (its structure changes). */
  SampleLibrary replaceStructure(int n, int m) {
    molOf.put(n, m);
    records.put(n, records.get(n).replaceAll("(?m)^InChIKey: .*\r\n", ""));
    return this;
  }

  SampleLibrary copy() {
    SampleLibrary c = new SampleLibrary();
    c.records.putAll(records);
    c.molOf.putAll(molOf);
    return c;
  }

  Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir.resolve("MOL"));
      StringBuilder sb = new StringBuilder();
      for (var e : records.entrySet()) {
        sb.append(e.getValue()).append("\r\n\r\n");
        Files.copy(
            SAMPLE.resolve("MOL/ID" + molOf.get(e.getKey()) + ".MOL"),
            dir.resolve("MOL/ID" + e.getKey() + ".MOL"));
      }
      Files.writeString(dir.resolve("library.msp"), sb.toString(), StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int size() {
    return records.size();
  }

  private static Path sample() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.exists(p.resolve("data/sample/library.msp"))) {
      p = p.getParent();
    }
    return p.resolve("data/sample");
  }

  private static String[] records() {
    try {
      return Files.readString(SAMPLE.resolve("library.msp"), StandardCharsets.UTF_8)
          .split("\r\n\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
