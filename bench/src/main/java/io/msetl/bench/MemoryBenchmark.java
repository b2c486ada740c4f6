package io.msetl.bench;

import io.msetl.featurize.FeaturizerConfig;
import io.msetl.featurize.MoleculeFeaturizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Native memory of featurization, measured from outside: a child JVM with a fixed, pre-touched heap
 * runs the featurizer over N distinct structures on one thread (what one executor core runs), and
 * this process samples the child's RSS from {@code /proc/<pid>/status}. With the heap pinned, RSS
 * growth after warm-up is native growth (RDKit, JIT, metaspace).
 *
 * <pre>
 * msetl bench memory [DIR [N [WARMUP]]]   default: nist-bench 20000 2000
 * </pre>
 *
 * nist-bench has about 14,000 distinct structures: for N above that the child starts again at the
 * first structure (a second pass), which is said in the output.
 */
public final class MemoryBenchmark {
  private static final String HEAP = "768m";
  private static final int REPORT_EVERY = 50;

  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    String dir = args.length > 0 ? args[0] : "../shared/data/nist-bench";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : Math.min(2_000, n / 5);
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xms" + HEAP,
            "-Xmx" + HEAP,
            "-XX:+AlwaysPreTouch",
            "-cp",
            System.getProperty("java.class.path"),
            Executor.class.getName(),
            dir,
            String.valueOf(n));
    Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    long pid = child.pid();
    List<long[]> samples = new ArrayList<>(); // {molecules, rss kB}
    long readyKb = -1;
    long t0 = 0;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("READY ")) {
          readyKb = status(pid, "VmRSS");
          t0 = System.nanoTime();
          System.out.println(
              "child " + line.substring(6) + "; RSS before the first: " + mb(readyKb));
        } else if (line.startsWith("DONE ")) {
          long done = Long.parseLong(line.substring(5).trim());
          samples.add(new long[] {done, status(pid, "VmRSS")});
          if (done % Math.max(REPORT_EVERY, (n / 10) / REPORT_EVERY * REPORT_EVERY) == 0
              || done == n) {
            System.out.printf(
                Locale.ROOT,
                "  %,7d molecules  %6.1f s  RSS %s%n",
                done,
                (System.nanoTime() - t0) / 1e9,
                mb(samples.get(samples.size() - 1)[1]));
          }
        } else if (line.startsWith("END")) {
          long peak = status(pid, "VmHWM");
          report(samples, readyKb, peak, warmup, line);
        } else {
          System.out.println("child: " + line);
        }
      }
    }
    int code = child.waitFor();
    if (code != 0) {
      throw new IllegalStateException("the featurizer JVM exited with " + code);
    }
  }

  private static void report(List<long[]> s, long readyKb, long peakKb, int warmup, String end) {
    List<long[]> after = s.stream().filter(x -> x[0] >= warmup).toList();
    System.out.println(
        "featurizer JVM: heap " + HEAP + " fixed and pre-touched; " + end.substring(3).trim());
    System.out.println(
        "peak RSS (VmHWM): " + mb(peakKb) + ", of which above the start: " + mb(peakKb - readyKb));
    if (after.size() < 3) {
      System.out.println("too few samples after a warm-up of " + warmup + " molecules for a slope");
      return;
    }
    // Least-squares slope of RSS over molecules after warm-up: robust to the saw-tooth of malloc.
    double mx = after.stream().mapToDouble(x -> x[0]).average().orElse(0);
    double my = after.stream().mapToDouble(x -> x[1]).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    for (long[] x : after) {
      sxy += (x[0] - mx) * (x[1] - my);
      sxx += (x[0] - mx) * (x[0] - mx);
    }
    double kbPerMolecule = sxx == 0 ? 0 : sxy / sxx;
    long first = after.get(0)[1];
    long last = after.get(after.size() - 1)[1];
    System.out.printf(
        Locale.ROOT,
        "after warm-up (%,d molecules, RSS %s): RSS %s at %,d molecules; growth %+.1f MB per"
            + " 10,000 molecules (least squares), %+.1f MB per 50,000 extrapolated%n",
        after.get(0)[0],
        mb(first),
        mb(last),
        after.get(after.size() - 1)[0],
        kbPerMolecule * 10_000 / 1024,
        kbPerMolecule * 50_000 / 1024);
  }

  private static String mb(long kb) {
    return String.format(Locale.ROOT, "%.1f MB", kb / 1024.0);
  }

  private static long status(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no " + field + " in /proc/" + pid + "/status");
  }

  /** The child: one featurizer thread over N structures, reporting how many are done. */
  public static final class Executor {
    private Executor() {}

    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      int n = Integer.parseInt(args[1]);
      FeaturizerConfig config = FeaturizerConfig.defaults();
      Path molDir = FeaturizeBenchmark.molDir(dir);
      List<String> ids =
          FeaturizeBenchmark.recordIds(dir.resolve("library.msp"), Integer.MAX_VALUE);
      Map<String, String> parents = FeaturizeBenchmark.distinctParents(ids, molDir, config, n);
      List<String> molblocks = new ArrayList<>(parents.values());
      int passes = (n + molblocks.size() - 1) / molblocks.size();
      System.out.println(
          "READY "
              + String.format(
                  Locale.ROOT,
                  "%,d distinct structures, %,d molecules to featurize (%d pass%s)",
                  molblocks.size(),
                  n,
                  passes,
                  passes == 1 ? "" : "es"));
      System.out.flush();
      long t0 = System.nanoTime();
      try (MoleculeFeaturizer f = new MoleculeFeaturizer(config)) {
        for (int done = 1; done <= n; done++) {
          f.featurize(molblocks.get((done - 1) % molblocks.size()));
          if (done % REPORT_EVERY == 0) {
            System.out.println("DONE " + done);
            System.out.flush();
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "END %,d molecules in %.1f s on one thread%n",
          n,
          (System.nanoTime() - t0) / 1e9);
      System.out.flush();
    }
  }
}
