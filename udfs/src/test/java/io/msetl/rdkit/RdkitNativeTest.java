package io.msetl.rdkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.RDKit.RDKFuncs;
import org.RDKit.RWMol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RdkitNativeTest {

  @Test
  void loadingTwiceIsHarmlessAndReportsTheBundledVersion() {
    RdkitNative.load();
    RdkitNative.load();
    assertEquals("2020.09.1", RdkitNative.version());
    Path from = RdkitNative.loadedFrom().orElseThrow();
    assertTrue(Files.isRegularFile(from), "extracted library should stay for reuse: " + from);
    assertEquals("libGraphMolWrap.so", from.getFileName().toString());
    // keyed by the content hash, so a second JVM reuses the same file
    assertEquals(16, from.getParent().getFileName().toString().length());
  }

  @Test
  void threadsLoadingAtTheSameTimeAllGetAWorkingRdkit() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<String> task =
            () -> {
              RdkitNative.load();
              RWMol mol = RWMol.MolFromSmiles("c1ccccc1O");
              try {
                return RDKFuncs.MolToSmiles(mol);
              } finally {
                mol.delete();
              }
            };
        results.add(pool.submit(task));
      }
      for (Future<String> r : results) {
        assertEquals("Oc1ccccc1", r.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aMissingOverrideFileIsReportedInPlainWords() throws Exception {
    String out = probe("/nonexistent/dir/libGraphMolWrap.so");
    assertEquals(
        "ERROR RDKit native library not found: /nonexistent/dir/libGraphMolWrap.so "
            + "does not exist (check msetl.rdkit.library / MSETL_RDKIT_LIBRARY).",
        out);
  }

  @Test
  void aFileThatIsNotALibraryIsReportedAsSuch(@TempDir Path dir) throws Exception {
    Path fake = dir.resolve("libGraphMolWrap.so");
    Files.writeString(fake, "this is a text file\n");
    assertEquals(
        "ERROR RDKit native library " + fake + " is not a shared library (not an ELF file).",
        probe(fake.toString()));
  }

  @Test
  void aLibraryForAnotherCpuIsReportedAsWrongArchitecture(@TempDir Path dir) throws Exception {
    Path arm = dir.resolve("libGraphMolWrap.so");
    byte[] header = new byte[64];
    header[0] = 0x7f;
    header[1] = 'E';
    header[2] = 'L';
    header[3] = 'F';
    header[4] = 2; // 64-bit
    header[5] = 1; // little endian
    header[18] = (byte) 183; // EM_AARCH64
    Files.write(arm, header);
    String out = probe(arm.toString());
    assertTrue(
        out.startsWith(
            "ERROR RDKit native library "
                + arm
                + " was built for AArch64 (arm64) but this JVM runs on x86-64 (amd64)"),
        out);
  }

  @Test
  void theEnvironmentVariableIsHonouredToo() throws Exception {
    ProcessBuilder pb = probeProcess(null);
    pb.environment().put(RdkitNative.LIBRARY_ENV, "/nowhere/libGraphMolWrap.so");
    assertTrue(run(pb).startsWith("ERROR RDKit native library not found: /nowhere/"));
  }

  @Test
  void aMissingSystemLibraryIsNamedWithThePackageThatProvidesIt() {
    String linker =
        "/tmp/x/libGraphMolWrap.so: libfreetype.so.6: cannot open shared object "
            + "file: No such file or directory";
    assertEquals(
        "RDKit native library /tmp/x/libGraphMolWrap.so needs the system library "
            + "libfreetype.so.6, which is not installed on this machine (Debian/Ubuntu package "
            + "'libfreetype6', RHEL/Fedora package 'freetype').",
        LoadFailureExplainer.explain(Path.of("/tmp/x/libGraphMolWrap.so"), linker));
  }

  @Test
  void aWrongElfClassFromTheLinkerIsExplainedAsArchitecture() {
    String linker = "/tmp/x/libGraphMolWrap.so: wrong ELF class: ELFCLASS32";
    assertTrue(
        LoadFailureExplainer.explain(Path.of("/tmp/x/libGraphMolWrap.so"), linker)
            .contains("was built for a different architecture (ELFCLASS32)"));
  }

  private static String probe(String library) throws IOException, InterruptedException {
    return run(probeProcess(library));
  }

  private static ProcessBuilder probeProcess(String library) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path")));
    if (library != null) {
      cmd.add("-D" + RdkitNative.LIBRARY_PROPERTY + "=" + library);
    }
    cmd.add(RdkitLoadProbe.class.getName());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove(RdkitNative.LIBRARY_ENV);
    return pb;
  }

  private static String run(ProcessBuilder pb) throws IOException, InterruptedException {
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    return out;
  }
}
