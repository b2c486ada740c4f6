package io.msetl.ingest;

import io.msetl.structure.MolBlocks;
import io.msetl.structure.MolFileLocator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Ingest throughput on a 300,000-record NIST-layout library built from nist-bench: {@code
 * library.msp} copied 6 times into ONE big file (so splitting is exercised) with record IDs shifted
 * by 50,000 per copy, and a MOL folder of 300,000 names (the 50,000 unpacked files plus symbolic
 * links for the shifted IDs, so every record has its MOL file).
 *
 * <pre>
 * java -cp ... io.msetl.ingest.IngestBenchmark [--bench-dir ../shared/data/nist-bench]
 *     [--work DIR] [--copies 6] [--masters local[1],local[2]]
 * </pre>
 *
 * Prints: build time of the replica, then per master the ingest wall time (records written to the
 * noop sink), records/s, partitions; and the single-thread MOL read rate.
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    String bench = "../shared/data/nist-bench";
    Path work = null;
    int copies = 6;
    List<String> masters = List.of("local[1]", "local[2]");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--bench-dir" -> bench = args[i + 1];
        case "--work" -> work = Path.of(args[i + 1]);
        case "--copies" -> copies = Integer.parseInt(args[i + 1]);
        case "--masters" -> masters = List.of(args[i + 1].split(","));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (work == null) {
      work = Files.createTempDirectory("msetl-ingest-bench");
    }
    long t0 = System.nanoTime();
    int perCopy = replicate(Path.of(bench), work, copies);
    long total = (long) perCopy * copies;
    System.out.printf(
        Locale.ROOT,
        "replica: %,d records (%d copies), %,d MiB MSP, %,d MOL names, built in %.1f s (%s)%n",
        total,
        copies,
        Files.size(work.resolve("library.msp")) >> 20,
        total,
        secs(t0),
        work);

    molReadRate(work, perCopy, copies);

    for (String master : masters) {
      SparkSession spark =
          SparkSession.builder()
              .master(master)
              .appName("ingest-bench")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "16")
              .getOrCreate();
      try {
        IngestOptions o = IngestOptions.forInput(work.toString());
        long p0 = System.nanoTime();
        long raw = RawRecords.read(spark, o.mspPaths(), io.msetl.msp.LibraryFormat.MSP, o).count();
        System.out.printf(
            Locale.ROOT,
            "%s: phase read: %,d raw records split-read and counted in %.1f s%n",
            master,
            raw,
            secs(p0));
        long p1 = System.nanoTime();
        Parsing parsing = new Parsing(o.withMolDir(null), null);
        long parsed =
            RawRecords.read(spark, o.mspPaths(), io.msetl.msp.LibraryFormat.MSP, o)
                .mapPartitions(it -> parsing.spectrumIds(it, io.msetl.msp.LibraryFormat.MSP))
                .count();
        System.out.printf(
            Locale.ROOT,
            "%s: phase parse: %,d records read, decoded and parsed in %.1f s%n",
            master,
            parsed,
            secs(p1));
        long s = System.nanoTime();
        double c0 = cpu();
        IngestResult r = Ingest.run(spark, o);
        Dataset<Row> records = r.records();
        records.write().format("noop").mode("overwrite").save();
        double sec = secs(s);
        double cpuSec = cpu() - c0;
        System.out.printf(
            Locale.ROOT,
            "%s: ingest %,d records -> noop in %.1f s = %,.0f records/s (%d read partitions);"
                + " %.1f CPU s = %,.0f records per CPU s; %s%n",
            master,
            total,
            sec,
            total / sec,
            r.records().rdd().getNumPartitions(),
            cpuSec,
            total / cpuSec,
            load());
        long c = System.nanoTime();
        long accepted = records.count();
        long rejected = r.rejects().count();
        System.out.printf(
            Locale.ROOT,
            "%s: check: %,d records + %,d rejects = %,d (counted in %.1f s)%n",
            master,
            accepted,
            rejected,
            accepted + rejected,
            secs(c));
      } finally {
        spark.stop();
      }
    }
  }

  /**
   * CPU seconds used by this JVM so far (all threads): the machine is shared, wall time is noisy.
   */
  private static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  private static String load() {
    return String.format(
        Locale.ROOT,
        "load avg %.1f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** One big MSP of {@code copies} shifted copies + a MOL folder with a name for every record. */
  static int replicate(Path bench, Path work, int copies) throws IOException, InterruptedException {
    Path msp = work.resolve("library.msp");
    Path mol = work.resolve("MOL");
    if (!Files.isDirectory(mol)) {
      Process p =
          new ProcessBuilder(
                  "tar", "xzf", bench.resolve("MOL.tar.gz").toString(), "-C", work.toString())
              .inheritIO()
              .start();
      if (p.waitFor() != 0) {
        throw new IOException("tar failed");
      }
    }
    Path marker = work.resolve("replica-of-" + copies + ".done");
    if (Files.exists(marker)) {
      return Integer.parseInt(Files.readString(marker).trim());
    }
    int perCopy = 0;
    try (BufferedWriter out = Files.newBufferedWriter(msp, StandardCharsets.UTF_8)) {
      for (int k = 0; k < copies; k++) {
        int shift = k * 50_000;
        int n = 0;
        try (BufferedReader in =
            Files.newBufferedReader(bench.resolve("library.msp"), StandardCharsets.UTF_8)) {
          String line;
          while ((line = in.readLine()) != null) {
            if (line.startsWith("ID: ")) {
              int id = Integer.parseInt(line.substring(4).trim());
              int shifted = id + shift;
              line = "ID: " + shifted;
              n++;
              if (k > 0) {
                Path link = mol.resolve("ID" + shifted + ".MOL");
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                  Files.createSymbolicLink(link, Path.of("ID" + id + ".MOL"));
                }
              }
            }
            out.write(line);
            out.write("\r\n");
          }
        }
        out.write("\r\n");
        perCopy = n;
      }
    }
    Files.writeString(marker, Integer.toString(perCopy));
    return perCopy;
  }

  /** Single-thread rate of the executor-side MOL lookup (open by name, read, normalize). */
  private static void molReadRate(Path work, int perCopy, int copies) throws IOException {
    MolFileLocator loc =
        new MolFileLocator(
            work.resolve("MOL").toString(), IngestOptions.DEFAULT_MOL_PATTERN, new Configuration());
    int n = Math.min(perCopy * copies, 100_000);
    long bytes = 0;
    long s = System.nanoTime();
    for (int i = 1; i <= n; i++) {
      MolFileLocator.MolFile f = loc.find(Integer.toString(i));
      bytes += f.text().length();
      MolBlocks.normalize(f.text());
    }
    double sec = secs(s);
    System.out.printf(
        Locale.ROOT,
        "MOL read: %,d files (%,d MiB) by name in %.1f s = %,.0f files/s on one thread%n",
        n,
        bytes >> 20,
        sec,
        n / sec);
  }
}
