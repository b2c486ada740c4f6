package io.msetl.bench;

import io.msetl.lightdb.BulkLoader;
import io.msetl.lightdb.ElementType;
import io.msetl.lightdb.Elements;
import io.msetl.lightdb.LightDb;
import io.msetl.lightdb.LightDbOptions;
import io.msetl.lightdb.OpenMode;
import io.msetl.lightdb.Record;
import io.msetl.lightdb.Schema;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * BigMatrix-like benchmark (key SINT32 x2, data DOUBLE64 x1, default M = 176): bulk load, random
 * inserts, random lookups and a full ordered scan. Prints numbers next to the .NET seed's figures.
 * Usage: {@code LightDbBenchmark [--records N] [--inserts N] [--dir DIR] [--no-map]}. Times are
 * wall clock, with the thread's CPU time next to them: on a shared machine the CPU figure is the
 * one that compares across runs. {@code --no-map} looks up through the page cache instead of the
 * mapping.
 */
public final class LightDbBenchmark {
  private LightDbBenchmark() {}

  public static void main(String[] args) throws Exception {
    long records = 10_000_000L;
    long inserts = 1_000_000L;
    boolean map = true;
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--records" -> records = Long.parseLong(args[++i]);
        case "--inserts" -> inserts = Long.parseLong(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--no-map" -> map = false;
        default -> {
          System.err.println(
              "usage: LightDbBenchmark [--records N] [--inserts N] [--dir DIR] [--no-map]");
          System.exit(2);
        }
      }
    }
    Schema schema = Schema.withDefaultMaxItems(ElementType.SINT32, 2, ElementType.DOUBLE64, 1);
    int side = (int) Math.ceil(Math.sqrt((double) records));
    Path bulk = dir.resolve("bench-bulk.ldb");
    Path random = dir.resolve("bench-insert.ldb");
    LightDbOptions options = LightDbOptions.defaults().withCacheBytes(1L << 30).withMemoryMap(map);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    long t0 = System.nanoTime();
    long c0 = threads.getCurrentThreadCpuTime();
    try (BulkLoader loader = BulkLoader.create(bulk, schema, records)) {
      for (long n = 0; n < records; n++) {
        int i = (int) (n / side);
        int j = (int) (n % side);
        loader.add(Elements.ints(i, j), Elements.doubles(i + j));
      }
    }
    double bulkSec = (System.nanoTime() - t0) / 1e9;
    double bulkCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "records            %,d (%d x %d matrix rows, page %d bytes, M=%d, file %,d bytes)%n",
        records,
        side,
        side,
        schema.pageByteSize(),
        schema.maxItems(),
        Files.size(bulk));
    System.out.printf(
        Locale.ROOT,
        "bulk load          %,.0f records/s (%.2f s; cpu %,.0f records/s)%n",
        records / bulkSec,
        bulkSec,
        records / bulkCpu);

    SplittableRandom rnd = new SplittableRandom(42);
    t0 = System.nanoTime();
    c0 = threads.getCurrentThreadCpuTime();
    try (LightDb db = LightDb.open(random, OpenMode.CREATE_OR_TRUNCATE, schema, options)) {
      for (long n = 0; n < inserts; n++) {
        int v = rnd.nextInt();
        db.add(Elements.ints(v, (int) n), Elements.doubles(v));
      }
    }
    double insSec = (System.nanoTime() - t0) / 1e9;
    double insCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "random insert      %,.0f records/s (%,d records, fresh file, incl. close; cpu %,.0f records/s)%n",
        inserts / insSec,
        inserts,
        inserts / insCpu);
    Files.deleteIfExists(random);

    try (LightDb db = LightDb.open(bulk, OpenMode.READ_ONLY, null, options)) {
      int lookups = (int) Math.min(1_000_000, records);
      double[] rounds = new double[5];
      double[] cpuRounds = new double[rounds.length];
      long sum = 0;
      for (int round = 0; round < rounds.length; round++) {
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        for (int q = 0; q < lookups; q++) {
          long n = rnd.nextLong(records);
          Optional<byte[]> d = db.read(Elements.ints((int) (n / side), (int) (n % side)));
          sum += d.orElseThrow().length;
        }
        rounds[round] = (System.nanoTime() - start) / 1e3 / lookups;
        cpuRounds[round] = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / lookups;
      }
      Arrays.sort(rounds);
      Arrays.sort(cpuRounds);
      System.out.printf(
          Locale.ROOT,
          "random lookup      %.3f us/op (median of %d rounds x %,d, %s; cpu %.3f us/op; seed C#: 1.85 us)%n",
          rounds[rounds.length / 2],
          rounds.length,
          lookups,
          map ? "mapped" : "page cache",
          cpuRounds[rounds.length / 2]);

      long start = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      long count = 0;
      double check = 0;
      for (Optional<Record> r = db.minimum(); r.isPresent(); r = db.next()) {
        count++;
        check += Elements.toDoubles(r.get().data())[0];
      }
      double scanUs = (System.nanoTime() - start) / 1e3 / count;
      double scanCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / count;
      System.out.printf(
          Locale.ROOT,
          "ordered scan       %.3f us/record (%,d records; cpu %.3f us/record; seed C#: 0.97 us)%n",
          scanUs,
          count,
          scanCpu);
      if (count != records || sum == 0 || check < 0) {
        throw new IllegalStateException("scan saw " + count + " records, expected " + records);
      }
    }
    Files.deleteIfExists(bulk);
  }
}
