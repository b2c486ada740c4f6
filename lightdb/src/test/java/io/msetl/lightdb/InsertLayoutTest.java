package io.msetl.lightdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page layouts that inserting produces: the library's for ascending keys, and sound occupancy for
 * random keys.
 */
class InsertLayoutTest {
  @TempDir Path tmp;

  @Test
  void ascendingInsertionReproducesThePagesOfTheLibraryMadeVectors() throws Exception {
    for (String name : List.of("b_bigmatrix_100x100", "f_items80_bigmatrix_120x120")) {
      Schema s = Vectors.facts(name).schema();
      Path file = tmp.resolve(name + ".ldb");
      try (LightDb db = LightDb.open(file, OpenMode.CREATE_NEW, s)) {
        for (Record r : Vectors.records(name)) {
          assertTrue(db.add(r.key(), r.data()));
        }
      }
      assertSameLivePages(Files.readAllBytes(Vectors.ldb(name)), Files.readAllBytes(file), s, name);
    }
  }

  /**
   * Same header fields and the same used part of every page; unused slots may hold the library's
   * stale copies.
   */
  private static void assertSameLivePages(byte[] expected, byte[] actual, Schema s, String name) {
    int page = s.pageByteSize();
    assertEquals(expected.length, actual.length, name + " file size");
    assertArrayEquals(Arrays.copyOf(expected, 88), Arrays.copyOf(actual, 88), name + " header");
    for (int at = page; at < expected.length; at += page) {
      int used = 32 + (int) LittleEndian.getLong(expected, at + 24) * s.itemByteSize();
      assertArrayEquals(
          Arrays.copyOfRange(expected, at, at + used),
          Arrays.copyOfRange(actual, at, at + used),
          name + " block " + at / page);
    }
  }

  @Test
  void randomInsertionFillsPagesAtLeastNineTenths() {
    Schema s = new Schema(ElementType.SINT32, 1, ElementType.SINT32, 1, 16);
    Path file = tmp.resolve("random.ldb");
    Random rnd = new Random(7);
    int added = 0;
    try (LightDb db = LightDb.open(file, OpenMode.CREATE_NEW, s)) {
      while (added < 20000) {
        if (db.add(Elements.ints(rnd.nextInt()), Elements.ints(added))) {
          added++;
        }
      }
      assertEquals(List.of(), db.verify().problems());
      long pages = db.headerFacts().totalBlocks() - 1;
      double occupancy = added / (double) (pages * s.maxItems());
      assertTrue(occupancy > 0.9, "occupancy " + occupancy);
    }
  }
}
