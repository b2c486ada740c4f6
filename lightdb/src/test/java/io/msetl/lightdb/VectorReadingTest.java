package io.msetl.lightdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class VectorReadingTest {

  private static LightDb openVector(String name) {
    Vectors.Facts f = Vectors.facts(name);
    return LightDb.open(
        Vectors.ldb(name), OpenMode.READ_ONLY, null, Vectors.optionsFor(f.schema()));
  }

  @TestFactory
  Stream<DynamicTest> everyVectorIteratesExactlyItsTextRecordsInKeyOrder() {
    return Vectors.names().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      List<Record> expected = Vectors.records(name);
                      try (LightDb db = openVector(name)) {
                        List<Record> forward = new ArrayList<>();
                        for (Optional<Record> r = db.minimum(); r.isPresent(); r = db.next()) {
                          forward.add(r.get());
                        }
                        assertEquals(expected, forward);
                        List<Record> backward = new ArrayList<>();
                        for (Optional<Record> r = db.maximum(); r.isPresent(); r = db.previous()) {
                          backward.add(0, r.get());
                        }
                        assertEquals(expected, backward);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyVectorHeaderMatchesItsJsonFacts() {
    return Vectors.names().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      Vectors.Facts f = Vectors.facts(name);
                      try (LightDb db = openVector(name)) {
                        HeaderFacts h = db.headerFacts();
                        Schema s = db.schema();
                        assertEquals(f.schema(), s);
                        assertEquals(f.number("version"), h.version());
                        assertEquals(f.integer("page_byte_size"), s.pageByteSize());
                        assertEquals(f.number("root_page"), h.rootPage());
                        assertEquals(f.number("total_pages"), h.totalBlocks());
                        assertEquals(f.number("total_records"), h.totalRecords());
                        assertEquals(f.number("deleted_pages"), h.deletedBlocks());
                        assertEquals(f.number("first_deleted_page"), h.firstDeletedPage());
                        assertEquals(f.number("file_size"), Files.size(Vectors.ldb(name)));
                        assertEquals(f.integer("user_area_offset"), s.userAreaOffset());
                        assertEquals(f.integer("user_area_byte_size"), db.userAreaSize());
                        assertEquals(f.integer("key_byte_size"), s.keyByteSize());
                        assertEquals(f.integer("data_byte_size"), s.dataByteSize());
                        VerifyReport v = db.verify();
                        assertEquals(List.of(), v.problems());
                        assertEquals(f.number("btree_pages"), v.livePages());
                        assertEquals(f.integer("btree_height"), v.height());
                        assertEquals(f.number("deleted_pages"), v.deletedPages());
                        assertEquals(f.number("total_records"), v.records());
                        boolean allZero = true;
                        for (byte b : db.readUserArea()) {
                          allZero &= b == 0;
                        }
                        assertEquals(Boolean.parseBoolean(f.text("user_area_all_zero")), allZero);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> unorderedScanYieldsTheSameRecordSetAsOrderedIteration() {
    return Vectors.names().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      Set<Record> expected = new HashSet<>(Vectors.records(name));
                      Set<Record> seen = new HashSet<>();
                      int[] count = {0};
                      try (LightDb db = openVector(name)) {
                        db.forEachUnordered(
                            (k, d) -> {
                              seen.add(new Record(k, d));
                              count[0]++;
                            });
                      }
                      assertEquals(expected.size(), count[0]);
                      assertEquals(expected, seen);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyRecordIsFoundByItsKey() {
    return Vectors.names().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      try (LightDb db = openVector(name)) {
                        for (Record r : Vectors.records(name)) {
                          assertArrayEquals(
                              r.data(), db.read(r.key()).orElseThrow(), () -> "key " + r);
                        }
                      }
                    }));
  }

  @Test
  void userAreaOfVectorEHoldsTheWrittenBytesFollowedByZeros() {
    byte[] written =
        HexFormat.of().parseHex(Vectors.facts("e_userarea_uint32").text("user_area_written_hex"));
    try (LightDb db = openVector("e_userarea_uint32")) {
      byte[] area = db.readUserArea();
      assertEquals(2052, area.length);
      for (int i = 0; i < area.length; i++) {
        assertEquals(i < written.length ? written[i] : 0, area[i], "user area byte " + i);
      }
    }
  }

  @Test
  void missedLookupPositionsBetweenNeighboursWithoutThePreviousSkipQuirk() {
    try (LightDb db = LightDb.openReadOnly(Vectors.ldb("z_bulk_items8_n100"))) {
      assertFalse(db.read(Elements.ints(55)).isPresent());
      assertFalse(db.reread().isPresent());
      assertArrayEquals(new int[] {60}, Elements.toInts(db.next().orElseThrow().key()));
      assertArrayEquals(new int[] {50}, Elements.toInts(db.previous().orElseThrow().key()));
      assertFalse(db.read(Elements.ints(55)).isPresent());
      assertArrayEquals(new int[] {50}, Elements.toInts(db.previous().orElseThrow().key()));
      assertArrayEquals(new int[] {40}, Elements.toInts(db.previous().orElseThrow().key()));
      assertArrayEquals(new int[] {-4}, Elements.toInts(db.reread().orElseThrow().data()));
    }
  }

  @Test
  void positioningAtTheEndsReportsNoMoreKeys() {
    try (LightDb db = LightDb.openReadOnly(Vectors.ldb("z_bulk_items8_n100"))) {
      assertFalse(db.read(Elements.ints(-5)).isPresent());
      assertFalse(db.previous().isPresent());
      assertArrayEquals(new int[] {0}, Elements.toInts(db.next().orElseThrow().key()));
      assertFalse(db.read(Elements.ints(995)).isPresent());
      assertFalse(db.next().isPresent());
      assertArrayEquals(new int[] {990}, Elements.toInts(db.previous().orElseThrow().key()));
      assertTrue(db.read(Elements.ints(990)).isPresent());
      assertFalse(db.next().isPresent());
      assertArrayEquals(new int[] {990}, Elements.toInts(db.reread().orElseThrow().key()));
      assertArrayEquals(new int[] {980}, Elements.toInts(db.previous().orElseThrow().key()));
    }
  }

  @Test
  void emptyFilesHaveNoMinimumOrMaximum() {
    for (String name : List.of("j_empty", "i_all_deleted")) {
      try (LightDb db = openVector(name)) {
        assertFalse(db.minimum().isPresent());
        assertFalse(db.maximum().isPresent());
        assertFalse(db.next().isPresent());
        assertEquals(0, db.recordCount());
      }
    }
  }
}
