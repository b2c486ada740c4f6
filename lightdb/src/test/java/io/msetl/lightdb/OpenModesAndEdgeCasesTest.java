package io.msetl.lightdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenModesAndEdgeCasesTest {
  @TempDir Path tmp;

  private static final Schema INT_INT = new Schema(ElementType.SINT32, 1, ElementType.SINT32, 1, 8);

  private static void addRange(LightDb db, int from, int to) {
    for (int k = from; k < to; k++) {
      db.add(Elements.ints(k), Elements.ints(k * 2));
    }
  }

  @Test
  void createNewFailsWhenTheFileExists() {
    Path f = tmp.resolve("x.ldb");
    try (LightDb db = LightDb.open(f, OpenMode.CREATE_NEW, INT_INT)) {
      addRange(db, 0, 3);
    }
    LightDbException e =
        assertThrows(LightDbException.class, () -> LightDb.open(f, OpenMode.CREATE_NEW, INT_INT));
    assertEquals(ErrorCode.FILE_OPEN, e.errorCode());
  }

  @Test
  void createOrTruncateReplacesAnExistingFileWithAnEmptyOne() {
    Path f = tmp.resolve("x.ldb");
    try (LightDb db = LightDb.open(f, OpenMode.CREATE_NEW, INT_INT)) {
      addRange(db, 0, 50);
    }
    try (LightDb db = LightDb.open(f, OpenMode.CREATE_OR_TRUNCATE, INT_INT)) {
      assertEquals(0, db.recordCount());
    }
    try (LightDb db = LightDb.openReadOnly(f)) {
      assertEquals(0, db.recordCount());
      assertEquals(1, db.headerFacts().totalBlocks());
    }
  }

  @Test
  void openOrCreateCreatesMissingFilesAndKeepsExistingRecords() {
    Path f = tmp.resolve("x.ldb");
    try (LightDb db = LightDb.open(f, OpenMode.OPEN_OR_CREATE, INT_INT)) {
      addRange(db, 0, 10);
    }
    Schema other = new Schema(ElementType.DOUBLE64, 3, ElementType.SINT64, 1, 10);
    try (LightDb db = LightDb.open(f, OpenMode.OPEN_OR_CREATE, other)) {
      assertEquals(INT_INT, db.schema(), "an existing file keeps its own schema");
      addRange(db, 10, 20);
    }
    try (LightDb db = LightDb.openReadOnly(f)) {
      assertEquals(20, db.recordCount());
      assertArrayEquals(Elements.ints(38), db.read(Elements.ints(19)).orElseThrow());
    }
  }

  @Test
  void readOnlyOpenRefusesWritesAndMissingFiles() {
    Path f = tmp.resolve("x.ldb");
    assertEquals(
        ErrorCode.FILE_OPEN,
        assertThrows(LightDbException.class, () -> LightDb.openReadOnly(f)).errorCode());
    try (LightDb db = LightDb.open(f, OpenMode.CREATE_NEW, INT_INT)) {
      addRange(db, 0, 3);
    }
    try (LightDb db = LightDb.openReadOnly(f)) {
      LightDbException e =
          assertThrows(LightDbException.class, () -> db.add(Elements.ints(9), Elements.ints(9)));
      assertEquals(ErrorCode.FILE_ACCESS_DENIED, e.errorCode());
      assertTrue(e.getMessage().contains("(-90)"), e.getMessage());
      assertThrows(LightDbException.class, () -> db.writeUserArea(new byte[] {1}));
    }
  }

  @Test
  void aWriterThatIsNeverClosedLeavesThePreviousFileIntact() throws Exception {
    Path f = tmp.resolve("x.ldb");
    try (LightDb db = LightDb.open(f, OpenMode.CREATE_NEW, INT_INT)) {
      addRange(db, 0, 100);
    }
    byte[] before = Files.readAllBytes(f);
    LightDb writer = LightDb.open(f, OpenMode.OPEN_OR_CREATE, null);
    addRange(writer, 100, 300);
    writer.delete(Elements.ints(5));
    writer.flush();
    assertArrayEquals(
        before,
        Files.readAllBytes(f),
        "flushed but unclosed changes are not visible in the target");
    try (LightDb reader = LightDb.openReadOnly(f)) {
      assertEquals(100, reader.recordCount());
      assertTrue(reader.verify().ok());
    }
    writer.close();
    try (LightDb reader = LightDb.openReadOnly(f)) {
      assertEquals(299, reader.recordCount());
    }
    try (var s = Files.list(tmp)) {
      assertEquals(List.of(f), s.toList(), "no temporary file is left after close");
    }
  }

  @Test
  void userAreaWritesAreTruncatedToItsSizeAndSurviveReopening() {
    Path f = tmp.resolve("u.ldb");
    byte[] big = new byte[100];
    Arrays.fill(big, (byte) 7);
    try (LightDb db = LightDb.open(f, OpenMode.CREATE_NEW, INT_INT)) {
      assertEquals(36, db.userAreaSize());
      db.writeUserArea(big);
      db.writeUserArea(new byte[] {1, 2, 3});
    }
    try (LightDb db = LightDb.openReadOnly(f)) {
      byte[] area = db.readUserArea();
      assertEquals(36, area.length);
      assertArrayEquals(new byte[] {1, 2, 3, 7, 7}, Arrays.copyOf(area, 5));
      assertEquals(7, area[35]);
    }
  }

  @Test
  void nanKeysAreRejectedWithAClearError() {
    Schema s = new Schema(ElementType.FLOAT32, 2, ElementType.SINT32, 1, 8);
    try (LightDb db = LightDb.open(tmp.resolve("n.ldb"), OpenMode.CREATE_NEW, s)) {
      LightDbException e =
          assertThrows(
              LightDbException.class,
              () -> db.add(Elements.floats(1f, Float.NaN), Elements.ints(1)));
      assertTrue(e.getMessage().contains("NaN key element 1"), e.getMessage());
      assertThrows(LightDbException.class, () -> db.read(Elements.floats(Float.NaN, 0f)));
      assertEquals(0, db.recordCount());
    }
  }

  @Test
  void negativeZeroAndZeroAreTheSameKey() {
    Schema s = new Schema(ElementType.DOUBLE64, 1, ElementType.SINT32, 1, 8);
    try (LightDb db = LightDb.open(tmp.resolve("z.ldb"), OpenMode.CREATE_NEW, s)) {
      assertTrue(db.add(Elements.doubles(0.0), Elements.ints(1)));
      assertFalse(db.add(Elements.doubles(-0.0), Elements.ints(2)), "same key exists");
      assertArrayEquals(Elements.ints(1), db.read(Elements.doubles(-0.0)).orElseThrow());
      assertTrue(db.add(Elements.doubles(Double.NEGATIVE_INFINITY), Elements.ints(3)));
      assertTrue(db.add(Elements.doubles(-Double.MIN_VALUE), Elements.ints(4)));
      assertArrayEquals(
          Elements.doubles(Double.NEGATIVE_INFINITY), db.minimum().orElseThrow().key());
      assertArrayEquals(Elements.doubles(-Double.MIN_VALUE), db.next().orElseThrow().key());
      assertArrayEquals(Elements.doubles(0.0), db.next().orElseThrow().key());
    }
  }

  @Test
  void unsignedKeysOrderTopBitValuesAfterSmallOnes() {
    Schema s = new Schema(ElementType.USHORT16, 1, ElementType.UBYTE8, 1, 8);
    try (LightDb db = LightDb.open(tmp.resolve("u.ldb"), OpenMode.CREATE_NEW, s)) {
      for (int v : new int[] {0xFFFF, 0x8000, 0x7FFF, 1, 0}) {
        db.add(Elements.shorts((short) v), new byte[] {(byte) v});
      }
      int[] expected = {0, 1, 0x7FFF, 0x8000, 0xFFFF};
      int i = 0;
      for (var r = db.minimum(); r.isPresent(); r = db.next()) {
        assertEquals(expected[i++], Elements.toShorts(r.get().key())[0] & 0xFFFF);
      }
      assertEquals(5, i);
    }
    Schema signedBytes = new Schema(ElementType.SBYTE8, 1, ElementType.UBYTE8, 1, 8);
    try (LightDb db = LightDb.open(tmp.resolve("s.ldb"), OpenMode.CREATE_NEW, signedBytes)) {
      db.add(new byte[] {(byte) 0x80}, new byte[] {1});
      db.add(new byte[] {0x7F}, new byte[] {2});
      assertArrayEquals(
          new byte[] {(byte) 0x80},
          db.minimum().orElseThrow().key(),
          "-128 is the smallest SBYTE8");
    }
  }

  @Test
  void wrongKeyOrDataSizesAreErrorsWithTheLibraryCodes() {
    try (LightDb db = LightDb.open(tmp.resolve("w.ldb"), OpenMode.CREATE_NEW, INT_INT)) {
      assertEquals(
          ErrorCode.KEY_SIZE,
          assertThrows(LightDbException.class, () -> db.add(new byte[3], new byte[4])).errorCode());
      assertEquals(
          ErrorCode.DATA_SIZE,
          assertThrows(LightDbException.class, () -> db.add(new byte[4], new byte[5])).errorCode());
    }
    assertEquals(
        ErrorCode.KEY_TYPE,
        assertThrows(
                LightDbException.class,
                () ->
                    LightDb.open(
                        tmp.resolve("k.ldb"),
                        OpenMode.CREATE_NEW,
                        new Schema(ElementType.UNDEFINED, 4, ElementType.UBYTE8, 1, 8)))
            .errorCode());
    assertEquals(
        ErrorCode.ITEMS_NOT_EVEN,
        assertThrows(
                LightDbException.class,
                () -> new Schema(ElementType.SINT32, 1, ElementType.SINT32, 1, 9))
            .errorCode());
  }

  @Test
  void defaultMaxItemsFollowsTheLibraryRule() {
    assertEquals(152, Schema.defaultMaxItems(20));
    assertEquals(176, Schema.defaultMaxItems(16));
    assertEquals(16, Schema.defaultMaxItems(520));
    assertEquals(344, Schema.defaultMaxItems(4));
    assertEquals(240, Schema.defaultMaxItems(9));
    assertEquals(80, Schema.defaultMaxItems(48));
    assertEquals(32, Schema.defaultMaxItems(300));
    assertEquals(8, Schema.defaultMaxItems(4000));
    assertEquals(
        4288,
        Schema.withDefaultMaxItems(ElementType.SINT32, 1, ElementType.DOUBLE64, 2).pageByteSize());
  }

  @Test
  void setAddsOrReplacesAndChangeOnlyReplaces() {
    try (LightDb db = LightDb.open(tmp.resolve("s.ldb"), OpenMode.CREATE_NEW, INT_INT)) {
      assertFalse(db.change(Elements.ints(1), Elements.ints(10)));
      assertTrue(db.set(Elements.ints(1), Elements.ints(11)));
      assertFalse(db.set(Elements.ints(1), Elements.ints(12)));
      assertTrue(db.change(Elements.ints(1), Elements.ints(13)));
      assertArrayEquals(Elements.ints(13), db.read(Elements.ints(1)).orElseThrow());
      assertEquals(1, db.recordCount());
      assertFalse(db.delete(Elements.ints(2)));
    }
  }

  @Test
  void brokenHeadersAreReportedAsBrokenFiles() throws Exception {
    byte[] good = Files.readAllBytes(Vectors.ldb("a_sint32_double2_random"));
    int[][] edits = {{0, 'X'}, {16, 200}, {24, 99}, {32, 1}, {48, 77}, {80, 9}};
    for (int[] edit : edits) {
      byte[] bad = good.clone();
      bad[edit[0]] = (byte) edit[1];
      Path f = tmp.resolve("bad" + edit[0] + ".ldb");
      Files.write(f, bad);
      LightDbException e =
          assertThrows(LightDbException.class, () -> LightDb.openReadOnly(f), "edit at " + edit[0]);
      assertEquals(ErrorCode.BROKEN_FILE, e.errorCode(), e.getMessage());
      assertTrue(e.getMessage().startsWith("file is broken (-200)"), e.getMessage());
    }
    Path truncated = tmp.resolve("short.ldb");
    Files.write(truncated, Arrays.copyOf(good, good.length - 100));
    assertEquals(
        ErrorCode.BROKEN_FILE,
        assertThrows(LightDbException.class, () -> LightDb.openReadOnly(truncated)).errorCode());
    Path tiny = tmp.resolve("tiny.ldb");
    Files.write(tiny, new byte[] {'L', 'i'});
    assertEquals(
        ErrorCode.BROKEN_FILE,
        assertThrows(LightDbException.class, () -> LightDb.openReadOnly(tiny)).errorCode());
  }

  @Test
  void verifyReportsTheInfoLinesOfTheOriginal() {
    try (LightDb db = LightDb.openReadOnly(Vectors.ldb("f_items80_bigmatrix_120x120"))) {
      VerifyReport v = db.verify();
      assertTrue(v.ok());
      assertEquals(3, v.height());
      assertEquals(182, v.livePages());
      assertEquals(100.0 * 14400 / (182 * 80), v.occupancyPercent(), 1e-9);
      assertTrue(
          v.lines().contains("Record occupancy (レコード占有率) = 98.901099%"), v.lines().toString());
      assertTrue(db.info().contains("Key type (キータイプ) = 6[T_SINT32]"), db.info().toString());
    }
  }
}
