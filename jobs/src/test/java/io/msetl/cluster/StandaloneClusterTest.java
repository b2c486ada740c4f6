package io.msetl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster artifact on a real multi-JVM Spark standalone cluster: one master, two workers (one
 * core each), and {@code spark-submit} of {@code msetl-jobs-*-cluster.jar nightly} as the scheduler
 * examples in conf/examples/ run it (build, export, verify, gc). RDKit must load inside executor
 * JVMs from the application jar (local mode hides JNI classloader problems), and Delta must be
 * usable although the cluster's own classpath has neither.
 */
@Tag("spark")
class StandaloneClusterTest {
  static final String MAIN_CLASS = "io.msetl.cli.Msetl";

  /**
   * The msetl arguments after the jar, as every scheduler example in conf/examples/ runs them
   * ({@link SchedulerExamplesTest} checks that they agree with this).
   */
  static List<String> nightlyArgs(String conf, String input, String tables, String exports) {
    return List.of(
        "--conf",
        conf,
        "nightly",
        "--input",
        input,
        "--tables",
        tables,
        "--exports",
        exports,
        "--keep-exports",
        "7",
        "--wait",
        "600");
  }

  @TempDir Path tmp;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopTheCluster() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  void nightlyRunsOnTwoExecutorJvmsWithRdkitFromTheApplicationJar() throws Exception {
    Path jobs = jobsModule();
    Path clusterJar = jobs.resolve("target/msetl-jobs-0.1.0-cluster.jar");
    assertTrue(
        Files.exists(clusterJar), "mvn package builds the cluster jar before integration tests");
    Path sparkHome = sparkHomeWithSparkOnly(jobs.resolve("target/classpath.txt"));
    Path input = smallLibrary(jobs.getParent().resolve("data/sample"), 5, 20);
    Path out = tmp.resolve("tables");
    Path exports = tmp.resolve("exports");
    // What conf/cluster.example.properties would say for a 16-record library.
    Path conf = tmp.resolve("cluster.properties");
    Files.writeString(conf, "build.partitions=6\nspark.sql.shuffle.partitions=4\n");
    int masterPort = freePort();
    String master = "spark://127.0.0.1:" + masterPort;

    Path masterLog = tmp.resolve("master.log");
    start(
        sparkHome,
        masterLog,
        "org.apache.spark.deploy.master.Master",
        "--host",
        "127.0.0.1",
        "--port",
        String.valueOf(masterPort),
        "--webui-port",
        String.valueOf(freePort()));
    awaitLine(masterLog, "I have been elected leader", 90);
    for (int i = 1; i <= 2; i++) {
      start(
          sparkHome,
          tmp.resolve("worker" + i + ".log"),
          "org.apache.spark.deploy.worker.Worker",
          "--host",
          "127.0.0.1",
          "--port",
          String.valueOf(freePort()),
          "--webui-port",
          String.valueOf(freePort()),
          "--cores",
          "1",
          "--memory",
          "1536m",
          "--work-dir",
          tmp.resolve("work" + i).toString(),
          master);
    }
    awaitCount(masterLog, "Registering worker", 2, 90);

    Path submitLog = tmp.resolve("submit.log");
    List<String> submitArgs =
        new ArrayList<>(
            List.of(
                "--master",
                master,
                "--deploy-mode",
                "client",
                "--class",
                MAIN_CLASS,
                "--conf",
                "spark.executor.memory=1g",
                "--conf",
                "spark.executor.cores=1",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.driver.host=127.0.0.1",
                clusterJar.toString()));
    submitArgs.addAll(
        nightlyArgs(conf.toString(), input.toString(), out.toString(), exports.toString()));
    Process submit =
        start(
            sparkHome,
            submitLog,
            "org.apache.spark.deploy.SparkSubmit",
            submitArgs.toArray(String[]::new));
    // A safety net, not a timing: nightly is four steps (two Spark applications) on two 1-core
    // workers, and a shared CI machine can be slow.
    assertTrue(submit.waitFor(1200, TimeUnit.SECONDS), "spark-submit finishes");
    String log = Files.readString(submitLog);
    assertEquals(0, submit.exitValue(), log);

    Matcher compounds = Pattern.compile("compounds\\s+(\\d+)").matcher(log);
    assertTrue(compounds.find(), log);
    assertEquals(
        16, Integer.parseInt(compounds.group(1)), "all 16 records built on the cluster:\n" + log);
    assertTrue(Files.isDirectory(out.resolve("graph_features/_delta_log")));
    String latest = Files.readString(exports.resolve("latest")).trim();
    assertTrue(Files.exists(exports.resolve(latest).resolve("manifest.json")), log);
    assertTrue(log.contains(", 0 problems"), "the export verifies on the cluster:\n" + log);
    assertTrue(log.contains("gc: removed 0 exports"), log);

    List<Path> executorLogs = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      try (Stream<Path> s = Files.walk(tmp.resolve("work" + i))) {
        s.filter(p -> p.getFileName().toString().equals("stderr")).forEach(executorLogs::add);
      }
    }
    assertTrue(executorLogs.size() >= 2, "executors ran in both workers' JVMs: " + executorLogs);
    for (Path e : executorLogs) {
      String text = Files.readString(e);
      assertFalse(text.contains("UnsatisfiedLinkError"), e + ":\n" + text);
      assertFalse(text.contains("RdkitUnavailableException"), e + ":\n" + text);
    }
  }

  private Process start(Path sparkHome, Path log, String mainClass, String... args)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-cp",
                sparkHome.resolve("jars") + File.separator + "*",
                mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  /**
   * A Spark installation as a cluster would have it: Spark's jars only, no Delta, RDKit, SQLite or
   * msetl.
   */
  private Path sparkHomeWithSparkOnly(Path classpathFile) throws IOException {
    Path home = tmp.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("conf"));
    for (String jar : Files.readString(classpathFile).trim().split(File.pathSeparator)) {
      boolean ours =
          Stream.of(
                  "/io/delta/",
                  "/io/unitycatalog/",
                  "/org/xerial/sqlite-jdbc/",
                  "rdkit-jupyter",
                  "msetl-")
              .anyMatch(jar::contains);
      if (!ours && jar.endsWith(".jar")) {
        Files.createSymbolicLink(
            home.resolve("jars").resolve(Path.of(jar).getFileName()), Path.of(jar));
      }
    }
    return home;
  }

  /** Records {@code from..to} (1-based, inclusive) of the sample with their MOL files. */
  private Path smallLibrary(Path sample, int from, int to) throws IOException {
    Path lib = Files.createDirectories(tmp.resolve("lib/MOL"));
    String msp = Files.readString(sample.resolve("library.msp"), StandardCharsets.UTF_8);
    String[] records = msp.split("\r\n\r\n");
    StringBuilder sb = new StringBuilder();
    for (int i = from - 1; i < to; i++) {
      sb.append(records[i].strip()).append("\r\n\r\n");
      Path mol = sample.resolve("MOL/ID" + (i + 1) + ".MOL");
      Files.copy(mol, lib.resolve(mol.getFileName()));
    }
    Files.writeString(
        lib.getParent().resolve("library.msp"), sb.toString(), StandardCharsets.UTF_8);
    return lib.getParent();
  }

  private static void awaitLine(Path log, String text, int seconds) throws Exception {
    awaitCount(log, text, 1, seconds);
  }

  private static void awaitCount(Path log, String text, int count, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        String s = Files.readString(log);
        if (s.split(Pattern.quote(text), -1).length - 1 >= count) {
          return;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "timed out waiting for '"
            + text
            + "' x"
            + count
            + " in "
            + log
            + ":\n"
            + (Files.exists(log) ? Files.readString(log) : "(no log)"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Path jobsModule() {
    Path p = Path.of("").toAbsolutePath();
    return Files.exists(p.resolve("jobs/pom.xml")) ? p.resolve("jobs") : p;
  }
}
