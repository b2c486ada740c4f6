package io.msetl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code msetl nightly}: build the tables, export shards from the version just written, verify the
 * export, and with a retention policy ({@code --keep-exports N}) garbage-collect old exports and
 * table files. Each step is the ordinary command with the same configuration file, so nightly does
 * nothing a user could not do by hand; it stops at the first step that fails, and an export is only
 * published (and {@code latest} moved) after its build succeeded. The tables lock is taken once for
 * all steps, so no other writer can slip in between the build and its export.
 */
final class NightlyCommand implements Command {

  @Override
  public String name() {
    return "nightly";
  }

  @Override
  public String summary() {
    return "build + export + verify (+ gc with --keep-exports) in one go, incremental: what a"
        + " scheduler runs";
  }

  @Override
  public OptionSpec options() {
    return new OptionSpec()
        .option("input", "PATH", "data/sample", "library to build (see msetl build --help)")
        .option("tables", "DIR", "out/tables", "tables folder or URI")
        .option("table-format", "FORMAT", "delta", "delta or parquet")
        .option("exports", "DIR", "out/exports", "exports folder or URI")
        .option("shard-format", "FORMAT", "sqlite", "sqlite, lightdb or both")
        .flag("allow-deletes", "let the build delete more than --max-delete-share of the compounds")
        .option(
            "master",
            "MASTER",
            "local[2]",
            "Spark master when run embedded (ignored under spark-submit)")
        .option("wait", "SECONDS", "0", "wait this long for another run's tables lock (0 = fail)")
        .option(
            "keep-exports",
            "N",
            "",
            "then run gc: keep latest + the N newest exports (empty = no gc step)")
        .option(
            "retain-hours",
            "HOURS",
            "168",
            "gc: keep table files removed less than this long ago (the pinned versions always)");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./msetl nightly                      # data/sample -> out/tables -> out/exports/<id>",
        "./msetl nightly --input /data/nist --shard-format both",
        "./msetl nightly --keep-exports 7 --wait 600  # what conf/examples/crontab runs");
  }

  @Override
  public int run(ParsedOptions o, CliContext ctx) throws Exception {
    List<String> build =
        new ArrayList<>(
            List.of(
                "build",
                "--input",
                o.require("input"),
                "--out",
                o.require("tables"),
                "--table-format",
                o.require("table-format"),
                "--master",
                o.require("master")));
    if (o.flag("allow-deletes")) {
      build.add("--allow-deletes");
    }
    List<List<String>> steps =
        new ArrayList<>(
            List.of(
                build,
                List.of(
                    "export",
                    "--tables",
                    o.require("tables"),
                    "--table-format",
                    o.require("table-format"),
                    "--out",
                    o.require("exports"),
                    "--shard-format",
                    o.require("shard-format"),
                    "--master",
                    o.require("master")),
                List.of("verify", o.require("exports"), "--master", o.require("master"))));
    String keep = o.get("keep-exports");
    if (keep != null && !keep.isBlank()) {
      steps.add(
          List.of(
              "gc",
              "--tables",
              o.require("tables"),
              "--table-format",
              o.require("table-format"),
              "--exports",
              o.require("exports"),
              "--keep-exports",
              keep,
              "--retain-hours",
              o.require("retain-hours"),
              "--master",
              o.require("master")));
    }
    // One writer for the whole night: build and export run under this process's lock.
    try (var lock = ctx.lockTables(o.require("tables"), o.longValue("wait"))) {
      CliContext locked = ctx.holdingLockOn(o.require("tables"));
      for (List<String> step : steps) {
        ctx.progress("nightly: " + String.join(" ", step));
        int code = runStep(step, locked);
        if (code != 0) {
          ctx.err()
              .println(
                  "msetl nightly: error: step '"
                      + step.get(0)
                      + "' failed (exit "
                      + code
                      + "); later steps skipped");
          return code;
        }
      }
    }
    return 0;
  }

  private static int runStep(List<String> argv, CliContext ctx) throws Exception {
    Command c = Commands.find(argv.get(0));
    // The same configuration file as nightly itself (--conf FILE), not the default one.
    Map<String, String> configured = ctx.config().forCommand(c.name());
    try {
      return c.run(
          c.options().parse(new ArrayList<>(argv.subList(1, argv.size())), configured), ctx);
    } catch (Exception e) {
      ctx.err().println("msetl " + c.name() + ": error: " + Msetl.message(e));
      if (ctx.verbose()) {
        e.printStackTrace(ctx.err());
      }
      return Msetl.exitCode(e);
    }
  }
}
