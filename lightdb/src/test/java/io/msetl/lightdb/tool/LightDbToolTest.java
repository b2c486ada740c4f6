package io.msetl.lightdb.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LightDbToolTest {
  private static Path vector(String name) {
    return io.msetl.lightdb.Vectors.dir().resolve(name);
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        LightDbTool.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The vector's record text file: its own .txt, or the one its JSON names (the z_bulk copies of b
   * and f).
   */
  private static Path recordsFile(String ldb) throws Exception {
    String json = Files.readString(vector(ldb + ".json"));
    Matcher m = Pattern.compile("\"records_file\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertTrue(m.find(), ldb);
    return vector(m.group(1));
  }

  @Test
  void dumpPrintsEveryVectorsTextByteForByte() throws Exception {
    List<String> names;
    try (Stream<Path> files = Files.list(vector(""))) {
      names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".ldb"))
              .sorted()
              .toList();
    }
    assertEquals(17, names.size());
    for (String name : names) {
      Run r = run("dump", "--comparator", "bytes", vector(name).toString());
      assertEquals(0, r.code(), r.err());
      assertEquals(Files.readString(recordsFile(name)), r.out(), name);
    }
  }

  @Test
  void getLooksUpOneKeyGivenAsNumbers() {
    Run r = run("get", vector("b_bigmatrix_100x100.ldb").toString(), "12", "34");
    assertEquals(0, r.code(), r.err());
    assertEquals("12 34 46", r.out().trim());
    Run missing = run("get", vector("b_bigmatrix_100x100.ldb").toString(), "12", "340");
    assertEquals(1, missing.code());
    Run wrongArity = run("get", vector("b_bigmatrix_100x100.ldb").toString(), "12");
    assertEquals(2, wrongArity.code());
    assertEquals(1, wrongArity.err().lines().count());
  }

  @Test
  void verifyAndInfoPrintTheOriginalsFacts() {
    Run v = run("verify", vector("g_items8_uint64_deep.ldb").toString());
    assertEquals(0, v.code(), v.out());
    assertTrue(v.out().contains("B-Tree height (B-Tree の高さ) = 4"), v.out());
    assertTrue(v.out().contains("Deleted pages (削除ページ数) = 25"), v.out());
    Run i = run("info", vector("f_items80_bigmatrix_120x120.ldb").toString());
    assertTrue(i.out().contains("Page byte size (ページバイトサイズ) = 1952"), i.out());
  }

  @Test
  void unusableArgumentsGiveOneErrorLineAndExitTwo() {
    for (String[] args :
        new String[][] {
          {},
          {"frobnicate", "x.ldb"},
          {"info", "/nonexistent/x.ldb"},
          {"dump", vector("k_undefined_bytes.ldb").toString()},
          {"info", "--comparator", "weird", "x"},
          {"info", vector("j_empty.ldb.json").toString()}
        }) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertEquals(1, r.err().lines().count(), r.err());
    }
    Run help = run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--comparator bytes"));
  }
}
