package io.msetl.lightdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BulkLoaderTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "z_bulk_items8_n100",
        "z_bulk_bigmatrix_100x100",
        "z_bulk_items80_bigmatrix_120x120"
      })
  void bulkLoadReproducesTheReferenceFileByteForByte(String name) throws Exception {
    Vectors.Facts f = Vectors.facts(name);
    List<Record> records = Vectors.records(name);
    Path out = tmp.resolve(name + ".ldb");
    try (BulkLoader loader = BulkLoader.create(out, f.schema(), records.size())) {
      for (Record r : records) {
        loader.add(r.key(), r.data());
      }
    }
    byte[] written = Files.readAllBytes(out);
    assertEquals(
        f.text("sha256"),
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(written)));
    assertArrayEquals(Files.readAllBytes(Vectors.ldb(name)), written);
  }

  @Test
  void loadsOfManySizesAndFanOutsVerifyAndIterateInOrder() {
    long[] sizes = {0, 1, 2, 7, 8, 9, 17, 80, 81, 161, 6561};
    int[] fanOuts = {8, 10, 80};
    for (int m : fanOuts) {
      for (long n : sizes) {
        Path out = tmp.resolve("n" + n + "_m" + m + ".ldb");
        Schema schema = new Schema(ElementType.SINT64, 1, ElementType.SINT32, 1, m);
        try (BulkLoader loader = BulkLoader.create(out, schema, n)) {
          for (long k = 0; k < n; k++) {
            loader.add(k * 3 - 1000, Elements.ints((int) k));
          }
        }
        try (LightDb db = LightDb.openReadOnly(out)) {
          VerifyReport v = db.verify();
          assertEquals(List.of(), v.problems(), "n=" + n + " m=" + m);
          assertEquals(n, v.records());
          assertEquals(0, v.deletedPages());
          long k = 0;
          for (Optional<Record> r = db.minimum(); r.isPresent(); r = db.next(), k++) {
            assertEquals(k * 3 - 1000, Elements.toLongs(r.get().key())[0]);
            assertEquals((int) k, Elements.toInts(r.get().data())[0]);
          }
          assertEquals(n, k);
        }
      }
    }
  }

  @Test
  void shapeMatchesTheSpecWorkedExamples() {
    Schema m8 = new Schema(ElementType.SINT32, 1, ElementType.SINT32, 1, 8);
    try (BulkLoader l = BulkLoader.create(tmp.resolve("a.ldb"), m8, 100)) {
      assertEquals(16, l.totalBlocks());
      assertEquals(3, l.height());
      for (int k = 0; k < 100; k++) {
        l.add(Elements.ints(k * 10), Elements.ints(-k));
      }
    }
    Schema m80 = new Schema(ElementType.SINT32, 2, ElementType.DOUBLE64, 1, 80);
    BulkLoader big = BulkLoader.create(tmp.resolve("b.ldb"), m80, 2_500_000_000L);
    assertEquals(31_250_004L, big.totalBlocks());
    assertEquals(5, big.height());
    assertThrows(LightDbException.class, big::close);
    assertFalse(Files.exists(tmp.resolve("b.ldb")));
  }

  @Test
  void bulkLoadedFileKeepsAcceptingInsertsAndDeletes() {
    Path out = tmp.resolve("mod.ldb");
    Schema schema = new Schema(ElementType.SINT32, 1, ElementType.SINT32, 1, 8);
    try (BulkLoader loader = BulkLoader.create(out, schema, 500)) {
      for (int k = 0; k < 500; k++) {
        loader.add(Elements.ints(2 * k), Elements.ints(k));
      }
    }
    try (LightDb db = LightDb.open(out, OpenMode.OPEN_OR_CREATE, null)) {
      for (int k = 0; k < 500; k++) {
        assertTrue(db.add(Elements.ints(2 * k + 1), Elements.ints(-k)));
        assertTrue(db.delete(Elements.ints(4 * (k / 2))) || k % 2 == 1);
      }
      assertEquals(List.of(), db.verify().problems());
      assertEquals(750, db.recordCount());
    }
  }

  @Test
  void unsortedDuplicateOrNanKeysAreRejectedAndTheTargetIsNotWritten() {
    Schema schema = new Schema(ElementType.DOUBLE64, 1, ElementType.SINT32, 1, 8);
    Path out = tmp.resolve("bad.ldb");
    BulkLoader l = BulkLoader.create(out, schema, 3);
    l.add(Elements.doubles(-0.0), Elements.ints(1));
    LightDbException dup =
        assertThrows(LightDbException.class, () -> l.add(Elements.doubles(0.0), Elements.ints(2)));
    assertTrue(dup.getMessage().contains("strictly increasing"), dup.getMessage());
    LightDbException nan =
        assertThrows(
            LightDbException.class, () -> l.add(Elements.doubles(Double.NaN), Elements.ints(2)));
    assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    assertThrows(LightDbException.class, l::close);
    assertFalse(Files.exists(out));
    try (var s = Files.list(tmp)) {
      assertEquals(new ArrayList<>(), s.toList(), "temporary file removed");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
