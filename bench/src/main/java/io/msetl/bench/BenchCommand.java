package io.msetl.bench;

import io.msetl.cli.CliContext;
import io.msetl.cli.PassThroughCommand;
import io.msetl.export.ExportBenchmark;
import io.msetl.ingest.IngestBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code msetl bench ingest|featurize|export|lightdb [args]}: the benchmarks, which print numbers
 * (they are measurements, not tests). Without arguments each runs its standard workload.
 */
public final class BenchCommand implements PassThroughCommand {

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "benchmarks that print numbers: ingest, featurize, export, lightdb, memory (see --help)";
  }

  @Override
  public int run(List<String> args, CliContext ctx) throws Exception {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      ctx.out().print(help(ctx));
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = new ArrayList<>(args.subList(1, args.size()));
    String benchData = benchData(ctx.home());
    switch (args.get(0)) {
      case "ingest" -> {
        if (!rest.contains("--bench-dir")) {
          rest.addAll(List.of("--bench-dir", benchData));
        }
        IngestBenchmark.main(rest.toArray(String[]::new));
      }
      case "featurize" ->
          FeaturizeBenchmark.main(
              (rest.isEmpty() ? List.of(benchData, "2000", "local[1],local[2]") : rest)
                  .toArray(String[]::new));
      case "export" -> ExportBenchmark.main(rest.toArray(String[]::new));
      case "memory" ->
          MemoryBenchmark.main((rest.isEmpty() ? List.of(benchData) : rest).toArray(String[]::new));
      case "lightdb" -> LightDbBenchmark.main(rest.toArray(String[]::new));
      default -> {
        ctx.err()
            .println(
                "msetl bench: error: unknown benchmark '"
                    + args.get(0)
                    + "' (ingest, featurize, export, lightdb, memory)");
        return 2;
      }
    }
    return 0;
  }

  /** The shared nist-bench folder beside the project, where the benchmarks' standard data lives. */
  private static String benchData(Path home) {
    Path p = home.resolve("../shared/data/nist-bench").normalize();
    return Files.isDirectory(p) ? p.toString() : "../shared/data/nist-bench";
  }

  private static String help(CliContext ctx) {
    String d = benchData(ctx.home());
    return String.join(
        "\n",
        "usage: msetl bench <benchmark> [args]",
        "",
        "  ingest    [--bench-dir DIR] [--copies 6] [--masters local[1],local[2]] [--work DIR]",
        "            MSP parse rate for nist-bench replicated to 300,000 records, and MOL read rate",
        "  featurize [DIR LIMIT MASTERS [RSS_MOLECULES]]   default: "
            + d
            + " 2000 local[1],local[2]",
        "            molecules/s vs a bare RDKit loop, per-molecule p50/p99/max, conformer statuses, RSS",
        "  export    [SAMPLES [WORK_DIR [SHARD_ROWS]]]      default: 50000 out/bench-export 10000",
        "            shard export time and size on generated realistic tables",
        "  memory    [DIR [N [WARMUP]]]                   default: " + d + " 20000 2000",
        "            native memory of one featurizer thread: RSS over N molecules, growth per 10,000, peak",
        "  lightdb   [--records N] [--inserts N] [--dir DIR] [--no-map]",
        "            LightDB bulk load, random insert, random lookup, ordered scan (10M records)",
        "",
        "Python read speed of shards: python3 notebooks/bench_read.py --help",
        "");
  }
}
