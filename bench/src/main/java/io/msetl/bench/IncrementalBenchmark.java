package io.msetl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msetl.cli.Msetl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code msetl bench incremental}: what a nightly rebuild costs. A full build of a library, then a
 * rebuild after changing 1 % of its records (half spectrum edits, half structure changes to unseen
 * structures) and adding and removing 100 records, then a rebuild with no change. Prints wall time,
 * structures featurized and reused, compounds added/updated/deleted and seconds per stage for each,
 * and the ratios the goals are stated in.
 *
 * <pre>
 * msetl bench incremental [--bench-dir DIR] [--records N] [--work DIR] [--master local[2]]
 * </pre>
 *
 * The library is the first N records of nist-bench (default: all but the 1,000 kept back for
 * additions and new structures).
 */
public final class IncrementalBenchmark {
  private IncrementalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path bench = Path.of("../shared/data/nist-bench");
    Path work = Path.of("out/bench-incremental");
    int records = -1;
    String master = "local[2]";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--bench-dir" -> bench = Path.of(args[++i]);
        case "--records" -> records = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--master" -> master = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<String> all =
        split(Files.readString(bench.resolve("library.msp"), StandardCharsets.UTF_8));
    int base = records > 0 ? Math.min(records, all.size() - 1_000) : all.size() - 1_000;
    Path mols = unpack(bench, work);
    Path lib = work.resolve("lib");
    Path tables = work.resolve("tables");
    delete(work.resolve("tables"));
    Files.createDirectories(lib);

    int edits = Math.max(2, base / 100);
    List<String> v1 = new ArrayList<>(all.subList(0, base));
    write(lib, v1, mols, List.of());
    Run full = build(lib, tables, master, "full build");

    // 1 %: half spectrum edits, half new structures; 100 records added, 100 removed.
    List<String> v2 = new ArrayList<>(v1);
    List<String[]> molSwaps = new ArrayList<>();
    for (int k = 0; k < edits; k++) {
      int at = (int) ((k * 7_919L) % base);
      if (k % 2 == 0) {
        v2.set(at, editSpectrum(v2.get(at)));
      } else {
        String donor = id(all.get(base + 200 + (k / 2) % 800));
        molSwaps.add(new String[] {id(v2.get(at)), donor});
        v2.set(at, v2.get(at).replaceAll("(?m)^InChIKey: .*\r?\n", ""));
      }
    }
    int added = Math.min(100, 200);
    v2.addAll(all.subList(base, base + added));
    for (int k = 0; k < 100; k++) {
      v2.remove(v2.size() / 2 - k * 3);
    }
    write(lib, v2, mols, molSwaps);
    Run changed = build(lib, tables, master, "1 % changed, +100 / -100 records");
    Run unchanged = build(lib, tables, master, "unchanged");

    System.out.printf(
        Locale.ROOT, "%nlibrary: first %,d nist-bench records, master %s%n", base, master);
    System.out.printf(
        Locale.ROOT,
        "%-36s %9s %10s %8s %8s %8s %8s%n",
        "run",
        "wall s",
        "featurized",
        "reused",
        "added",
        "updated",
        "deleted");
    for (Run r : List.of(full, changed, unchanged)) {
      JsonNode c = r.report.get("counts");
      System.out.printf(
          Locale.ROOT,
          "%-36s %9.1f %10d %8d %8d %8d %8d%n",
          r.label,
          r.seconds,
          c.get("structures_featurized").asLong(),
          c.get("structures_reused").asLong(),
          c.get("compounds_added").asLong(),
          c.get("compounds_updated").asLong(),
          c.get("compounds_deleted").asLong());
    }
    System.out.println();
    for (Run r : List.of(full, changed, unchanged)) {
      System.out.println(r.label + " — seconds per stage: " + r.report.get("stage_seconds"));
    }
    System.out.printf(
        Locale.ROOT,
        "%n1 %% rebuild / full build: %.1f %% (goal <= 10 %%)%n"
            + "unchanged rebuild: %.1f s, %.1f %% of the full build (goals <= 60 s, <= 5 %%)%n",
        100 * changed.seconds / full.seconds,
        unchanged.seconds,
        100 * unchanged.seconds / full.seconds);
  }

  private record Run(String label, double seconds, JsonNode report) {}

  private static Run build(Path lib, Path tables, String master, String label) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    int code =
        Msetl.run(
            new String[] {
              "build",
              "--input",
              lib.toString(),
              "--out",
              tables.toString(),
              "--master",
              master,
              "--allow-deletes"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    double s = (System.nanoTime() - t0) / 1e9;
    String text = out.toString(StandardCharsets.UTF_8);
    if (code != 0) {
      throw new IllegalStateException(label + ": build failed (exit " + code + ")\n" + text);
    }
    Matcher m = Pattern.compile("(?m)^report: file:(.*)$").matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(label + ": no report path in\n" + text);
    }
    System.out.printf(Locale.ROOT, "%s: %.1f s%n", label, s);
    return new Run(label, s, new ObjectMapper().readTree(Path.of(m.group(1).trim()).toFile()));
  }

  private static List<String> split(String msp) {
    List<String> out = new ArrayList<>();
    for (String r : msp.split("\r?\n\r?\n")) {
      if (!r.isBlank()) {
        out.add(r.strip());
      }
    }
    return out;
  }

  private static String id(String record) {
    Matcher m = Pattern.compile("(?m)^ID: *(\\S+)").matcher(record);
    if (!m.find()) {
      throw new IllegalStateException(
          "record without ID: " + record.lines().findFirst().orElse(""));
    }
    return m.group(1);
  }

  /** Halves the first peak's intensity. */
  private static String editSpectrum(String record) {
    Matcher m =
        Pattern.compile("(?m)^(Num Peaks: *\\d+\r?\n)(\\S+)[ \t]+([0-9.]+)").matcher(record);
    if (!m.find()) {
      return record + "\r\nComments: edited";
    }
    double half = Double.parseDouble(m.group(3)) / 2 + 1;
    return record.substring(0, m.start(2)) + m.group(2) + " " + half + record.substring(m.end(3));
  }

  /** The library: MSP text plus a MOL folder of links into the unpacked archive. */
  private static void write(Path lib, List<String> records, Path mols, List<String[]> swaps)
      throws IOException {
    Path molDir = lib.resolve("MOL");
    delete(molDir);
    Files.createDirectories(molDir);
    java.util.Map<String, String> donor = new java.util.HashMap<>();
    swaps.forEach(s -> donor.put(s[0], s[1]));
    StringBuilder sb = new StringBuilder();
    for (String r : records) {
      sb.append(r).append("\r\n\r\n");
      String id = id(r);
      String from = donor.getOrDefault(id, id);
      Files.createSymbolicLink(
          molDir.resolve("ID" + id + ".MOL"), mols.resolve("ID" + from + ".MOL"));
    }
    Files.writeString(lib.resolve("library.msp"), sb.toString(), StandardCharsets.UTF_8);
  }

  private static Path unpack(Path bench, Path work) throws IOException, InterruptedException {
    Path mols = work.resolve("mol-archive/MOL");
    if (Files.isDirectory(mols)) {
      return mols.toAbsolutePath();
    }
    Files.createDirectories(mols.getParent());
    Process p =
        new ProcessBuilder(
                "tar",
                "xzf",
                bench.resolve("MOL.tar.gz").toString(),
                "-C",
                mols.getParent().toString())
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("cannot unpack " + bench.resolve("MOL.tar.gz"));
    }
    return mols.toAbsolutePath();
  }

  private static void delete(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
