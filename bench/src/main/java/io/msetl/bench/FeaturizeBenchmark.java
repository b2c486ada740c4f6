package io.msetl.bench;

import io.msetl.featurize.FeaturizeResult;
import io.msetl.featurize.FeaturizerConfig;
import io.msetl.featurize.IdentifyResult;
import io.msetl.featurize.InchiKeyCheck;
import io.msetl.featurize.MoleculeFeaturizer;
import io.msetl.featurize.MoleculeIdentifier;
import io.msetl.featurize.spark.MoleculeStage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Featurization throughput, overhead over a bare RDKit loop, per-molecule tail and RSS.
 *
 * <pre>
 * java -cp ... io.msetl.bench.FeaturizeBenchmark DIR LIMIT MASTERS [RSS_MOLECULES]
 *   DIR            folder with library.msp and MOL/ (or MOL.tar.gz, unpacked to a temp dir)
 *   LIMIT          first N records of library.msp (their distinct structures are featurized)
 *   MASTERS        comma list of Spark masters, e.g. local[1],local[2]; "none" skips Spark
 *   RSS_MOLECULES  molecules for the RSS run (loops over the set; 0 = skip), default 0
 * </pre>
 */
public final class FeaturizeBenchmark {
  private FeaturizeBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: FeaturizeBenchmark DIR LIMIT MASTERS [RSS_MOLECULES]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int limit = Integer.parseInt(args[1]);
    List<String> masters = args[2].equals("none") ? List.of() : Arrays.asList(args[2].split(","));
    long rssMolecules = args.length > 3 ? Long.parseLong(args[3]) : 0;
    FeaturizerConfig config = FeaturizerConfig.defaults();

    Path molDir = molDir(dir);
    List<String> ids = recordIds(dir.resolve("library.msp"), limit);
    Map<String, String> parents = distinctParents(ids, molDir, config);
    List<String> molblocks = new ArrayList<>(parents.values());
    System.out.printf("records=%d distinct_structures=%d%n", ids.size(), molblocks.size());

    inProcess(molblocks, config);
    double bareMs = bare(molblocks, config);
    for (String master : masters) {
      spark(parents, config, master, bareMs);
    }
    if (rssMolecules > 0) {
      rss(molblocks, config, rssMolecules);
    }
  }

  private static void inProcess(List<String> molblocks, FeaturizerConfig config) {
    double[] ms = new double[molblocks.size()];
    Map<String, Integer> statuses = new TreeMap<>();
    long start = System.nanoTime();
    try (MoleculeFeaturizer f = new MoleculeFeaturizer(config)) {
      for (int i = 0; i < molblocks.size(); i++) {
        long t = System.nanoTime();
        FeaturizeResult r = f.featurize(molblocks.get(i));
        ms[i] = (System.nanoTime() - t) / 1e6;
        String status =
            r.features() == null
                ? "REJECT_" + r.rejectReason()
                : r.features().conformer().status().name();
        statuses.merge(status, 1, Integer::sum);
      }
    }
    double total = (System.nanoTime() - start) / 1e9;
    Arrays.sort(ms);
    System.out.printf(
        "featurizer 1 thread: %.1f s, %.2f molecules/s, per molecule ms p50=%.1f "
            + "p99=%.1f max=%.1f mean=%.1f%n",
        total,
        ms.length / total,
        pct(ms, 0.50),
        pct(ms, 0.99),
        ms[ms.length - 1],
        Arrays.stream(ms).average().orElse(0));
    System.out.println("conformer_status counts: " + statuses);
  }

  private static double bare(List<String> molblocks, FeaturizerConfig config) {
    List<Integer> seeds = new ArrayList<>();
    MoleculeIdentifier seedSource = new MoleculeIdentifier(config);
    for (String mb : molblocks) {
      seeds.add(
          MoleculeFeaturizer.seedOf(
              seedSource.identify(mb, "molblock", null).identity().canonicalSmiles()));
    }
    double checksum = 0;
    long start = System.nanoTime();
    try (BareRdkitLoop loop = new BareRdkitLoop(config)) {
      for (int i = 0; i < molblocks.size(); i++) {
        checksum += loop.run(molblocks.get(i), seeds.get(i));
      }
    }
    double total = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "bare RDKit loop 1 thread: %.1f s, %.2f molecules/s (checksum %.0f)%n",
        total, molblocks.size() / total, checksum);
    return total * 1000 / molblocks.size();
  }

  private static void spark(
      Map<String, String> parents, FeaturizerConfig config, String master, double bareMs) {
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("FeaturizeBenchmark")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      int cores = spark.sparkContext().defaultParallelism();
      StructType schema =
          new StructType()
              .add("structure_key", DataTypes.StringType)
              .add("molblock_parent", DataTypes.StringType);
      List<Row> rows = new ArrayList<>();
      parents.forEach((k, v) -> rows.add(RowFactory.create(k, v)));
      // many small partitions so the heavy tail does not leave one core idle at the end
      Dataset<Row> in = spark.createDataFrame(rows, schema).repartition(Math.max(8, 8 * cores));
      in.cache().count();
      long start = System.nanoTime();
      long n = MoleculeStage.featurize(in, config).filter("num_atoms IS NOT NULL").count();
      double s = (System.nanoTime() - start) / 1e9;
      double perCore = rows.size() / s / cores;
      System.out.printf(
          "spark %s: %.1f s, %.2f molecules/s, %.2f molecules/s per core, "
              + "featurized=%d; overhead per core vs bare loop: %+.1f%%%n",
          master, s, rows.size() / s, perCore, n, 100.0 * ((1000.0 / perCore) / bareMs - 1));
    } finally {
      spark.stop();
    }
  }

  private static void rss(List<String> molblocks, FeaturizerConfig config, long total)
      throws IOException {
    long done = 0;
    long every = Math.max(100, total / 20);
    Long afterWarmup = null;
    try (MoleculeFeaturizer f = new MoleculeFeaturizer(config)) {
      while (done < total) {
        for (String mb : molblocks) {
          f.featurize(mb);
          done++;
          if (done % every == 0) {
            long kb = rssKb();
            if (afterWarmup == null) {
              afterWarmup = kb;
            }
            System.out.printf("rss after %d molecules: %d MB%n", done, kb / 1024);
          }
          if (done >= total) {
            break;
          }
        }
      }
    }
    if (afterWarmup != null) {
      System.out.printf(
          "rss growth after warm-up over %d molecules: %+d MB%n",
          done, (rssKb() - afterWarmup) / 1024);
    }
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static Map<String, String> distinctParents(List<String> ids, Path molDir, FeaturizerConfig config)
      throws IOException {
    return distinctParents(ids, molDir, config, Integer.MAX_VALUE);
  }

  /** The first {@code atMost} distinct structures of the records, by structure key. */
  static Map<String, String> distinctParents(
      List<String> ids, Path molDir, FeaturizerConfig config, int atMost) throws IOException {
    MoleculeIdentifier identifier =
        new MoleculeIdentifier(config.withInchiKeyCheck(InchiKeyCheck.OFF));
    Map<String, String> parents = new LinkedHashMap<>();
    for (String id : ids) {
      if (parents.size() >= atMost) {
        break;
      }
      Path mol = molDir.resolve("ID" + id + ".MOL");
      if (!Files.exists(mol)) {
        continue;
      }
      IdentifyResult r =
          identifier.identify(Files.readString(mol, StandardCharsets.UTF_8), "molblock", null);
      if (r.identity() != null && !r.isRejected()) {
        parents.putIfAbsent(r.identity().structureKey(), r.identity().molblockParent());
      }
    }
    return parents;
  }

  static List<String> recordIds(Path msp, int limit) throws IOException {
    List<String> ids = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(msp, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null && ids.size() < limit) {
        if (line.startsWith("ID:")) {
          ids.add(line.substring(3).trim());
        }
      }
    }
    return ids;
  }

  static Path molDir(Path dir) throws IOException, InterruptedException {
    Path mol = dir.resolve("MOL");
    if (Files.isDirectory(mol)) {
      return mol;
    }
    Path tmp = Files.createTempDirectory("msetl-bench-mol-");
    Process p =
        new ProcessBuilder("tar", "xzf", dir.resolve("MOL.tar.gz").toString(), "-C", tmp.toString())
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("cannot unpack " + dir.resolve("MOL.tar.gz"));
    }
    return tmp.resolve("MOL");
  }

  private static double pct(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }
}
