package io.msetl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.tables.lock.TablesLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes a scheduler sees: 0 success, 1 failed run, 2 usage, 3 tables locked. */
class ExitCodesTest {
  @TempDir Path tmp;

  @Test
  void helpDocumentsEveryExitCode() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"build", "--help"},
            new String[] {"gc", "--help"})) {
      CliRun r = CliRun.of(args);
      assertEquals(0, r.exitCode());
      assertTrue(r.out().contains("exit codes:\n  0  success\n  1  the run failed"), r.out());
      assertTrue(r.out().contains("  2  usage error"), r.out());
      assertTrue(r.out().contains("  3  another run holds the tables lock"), r.out());
    }
  }

  @Test
  void aUsageErrorIsTwo() {
    assertEquals(2, CliRun.of("build", "--wait", "soon").exitCode());
  }

  @Test
  void aFailedRunIsOne() throws Exception {
    Path export = Files.createDirectories(tmp.resolve("exports/broken"));
    Files.writeString(export.resolve("manifest.json"), "{ this is not json");
    CliRun r = CliRun.of("verify", export.toString(), "--files-only");
    assertEquals(1, r.exitCode(), r.err());
  }

  @Test
  void aLockedTablesFolderIsThreeWithOneLineForEveryWritingCommand() throws Exception {
    Path tables = tmp.resolve("tables");
    try (TablesLock held =
        TablesLock.acquire(
            tables.toString(), new Configuration(), "nightly-1", Duration.ZERO, m -> {})) {
      for (List<String> argv :
          List.of(
              List.of("build", "--out", tables.toString()),
              List.of("nightly", "--tables", tables.toString()),
              List.of(
                  "gc", "--tables", tables.toString(), "--exports", tmp.resolve("e").toString()))) {
        CliRun r = CliRun.of(argv.toArray(String[]::new));
        assertEquals(3, r.exitCode(), argv + ": " + r.err());
        String line =
            "msetl "
                + argv.get(0)
                + ": error: tables folder "
                + tables
                + " is locked by run nightly-1 (host ";
        assertTrue(r.err().startsWith(line), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
      }
    }
  }

  @Test
  void msetlBuildInASecondJvmExitsThreeWhileAnotherProcessHoldsTheLock() throws Exception {
    Path tables = tmp.resolve("tables");
    try (TablesLock held =
        TablesLock.acquire(
            tables.toString(), new Configuration(), "nightly-2", Duration.ZERO, m -> {})) {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path")));
      cmd.addAll(List.of(Msetl.class.getName(), "build", "--out", tables.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "fails at once, before Spark starts");
      String out = new String(p.getInputStream().readAllBytes());
      assertEquals(3, p.exitValue(), out);
      assertTrue(out.contains("is locked by run nightly-2 (host "), out);
      assertTrue(out.contains("pid " + ProcessHandle.current().pid()), out);
    }
  }
}
