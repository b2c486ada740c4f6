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
    return "benchmarks that print numbers: ingest, featurize, export, lightdb, incremental, read, memory"
        + " (see msetl bench --help)";
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
      case "incremental" -> {
        if (!rest.contains("--bench-dir")) {
          rest.addAll(List.of("--bench-dir", benchData));
        }
        IncrementalBenchmark.main(rest.toArray(String[]::new));
      }
      case "read" -> {
        return readBenchmark(ctx.home(), rest.isEmpty() ? List.of("out/exports") : rest);
      }
      default -> {
        ctx.err()
            .println(
                "msetl bench: error: unknown benchmark '"
                    + args.get(0)
                    + "' (ingest, featurize, export, lightdb, incremental, read, memory)");
        return 2;
      }
    }
    return 0;
  }

  /**
   * The Python read benchmark (notebooks/bench_read.py) with Debian's interpreter when there is one
   * (torch and numpy come from Debian packages): it prints its own numbers.
   */
  private static int readBenchmark(Path home, List<String> args) throws Exception {
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    List<String> command = new ArrayList<>(List.of(python, "notebooks/bench_read.py"));
    command.addAll(args);
    return new ProcessBuilder(command).directory(home.toFile()).inheritIO().start().waitFor();
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
        "  incremental [--records N] [--work DIR] [--master local[2]]",
        "            full build, then 1 % changed + 100 added/removed, then unchanged: wall time,",
        "            structures featurized/reused, compounds added/updated/deleted per run",
        "  read      [EXPORTS [--split S] [--batch 128] [--workers 0,2] [--tables DIR]]   default: out/exports",
        "            Python reader: random access, DataLoader epoch vs an in-memory list, RSS, bytes",
        "            (notebooks/bench_read.py; --help for every option)",
        "");
  }
}
