package io.msetl.lightdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypedLightDbTest {
  @TempDir Path tmp;

  @Test
  void bigMatrixVectorReadsWithIntKeysAndDoubleData() {
    try (TypedLightDb<int[], double[]> m =
        LightDb.typed(
            LightDb.openReadOnly(Vectors.ldb("b_bigmatrix_100x100")),
            ElementCodec.INTS,
            ElementCodec.DOUBLES)) {
      assertArrayEquals(new double[] {46.0}, m.read(new int[] {12, 34}).orElseThrow());
      assertEquals(Optional.empty(), m.read(new int[] {12, 340}));
      List<int[]> order = new ArrayList<>();
      m.forEachInOrder(
          (k, v) -> {
            order.add(k);
            assertEquals(k[0] + k[1], v[0]);
          });
      assertEquals(10000, order.size());
      assertArrayEquals(new int[] {0, 1}, order.get(1));
      assertArrayEquals(new int[] {99, 99}, order.get(9999));
    }
  }

  @Test
  void typedWritesFollowTheByteLevelSemantics() {
    Schema s = new Schema(ElementType.UINT64, 1, ElementType.FLOAT32, 2, 8);
    try (TypedLightDb<long[], float[]> db =
        LightDb.typed(
            LightDb.open(tmp.resolve("t.ldb"), OpenMode.CREATE_NEW, s),
            ElementCodec.LONGS,
            ElementCodec.FLOATS)) {
      for (long k = 0; k < 100; k++) {
        assertTrue(db.add(new long[] {k * 7}, new float[] {k, -k}));
      }
      assertFalse(db.add(new long[] {7}, new float[] {0, 0}));
      assertTrue(db.change(new long[] {7}, new float[] {1.5f, 2.5f}));
      assertArrayEquals(new float[] {1.5f, 2.5f}, db.read(new long[] {7}).orElseThrow());
      assertTrue(db.delete(new long[] {14}));
      assertFalse(db.set(new long[] {21}, new float[] {9, 9}));
      assertEquals(99, db.recordCount());
      assertEquals(List.of(), db.bytes().verify().problems());
    }
  }

  @Test
  void codecsThatDoNotFitTheFileOrWrongLengthsAreRefused() {
    LightDb raw = LightDb.openReadOnly(Vectors.ldb("b_bigmatrix_100x100"));
    try (raw) {
      LightDbException types =
          assertThrows(
              LightDbException.class,
              () -> LightDb.typed(raw, ElementCodec.LONGS, ElementCodec.DOUBLES));
      assertEquals(ErrorCode.BAD_ARGUMENT, types.errorCode());
      assertThrows(
          LightDbException.class, () -> LightDb.typed(raw, ElementCodec.INTS, ElementCodec.LONGS));
      assertThrows(
          LightDbException.class,
          () -> LightDb.typed(raw, ElementCodec.FLOATS, ElementCodec.DOUBLES));
      TypedLightDb<int[], double[]> m = LightDb.typed(raw, ElementCodec.INTS, ElementCodec.DOUBLES);
      LightDbException arity = assertThrows(LightDbException.class, () -> m.read(new int[] {1}));
      assertEquals(ErrorCode.KEY_SIZE, arity.errorCode());
    }
  }
}
