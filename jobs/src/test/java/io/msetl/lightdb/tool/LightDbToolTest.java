package io.msetl.lightdb.tool;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LightDbToolTest {
    private static Path vector(String name) {
        Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (!Files.isDirectory(p.resolve("shared/testdata/lightdb"))) {
            p = p.getParent();
        }
        return p.resolve("shared/testdata/lightdb").resolve(name);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LightDbTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dumpPrintsTheVectorTextForIntegerAndByteFiles() throws Exception {
        for (String name : List.of("z_bulk_items8_n100", "d3_ushort16x2_sbyte8x2", "g_items8_uint64_deep")) {
            Run r = run("dump", vector(name + ".ldb").toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(Files.readString(vector(name + ".ldb.txt")), r.out(), name);
        }
        Run k = run("dump", "--comparator", "bytes", vector("k_undefined_bytes.ldb").toString());
        assertEquals(Files.readString(vector("k_undefined_bytes.ldb.txt")), k.out());
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
        for (String[] args : new String[][] {{}, {"frobnicate", "x.ldb"}, {"info", "/nonexistent/x.ldb"},
                {"dump", vector("k_undefined_bytes.ldb").toString()}, {"info", "--comparator", "weird", "x"},
                {"info", vector("j_empty.ldb.json").toString()}}) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
        }
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--comparator bytes"));
    }
}
