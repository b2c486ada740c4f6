package io.msetl.export.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class ArrayCodecTest {

  private static byte[] inflate(byte[] blob) throws Exception {
    Inflater inf = new Inflater();
    inf.setInput(blob);
    byte[] out = new byte[64];
    int n = inf.inflate(out);
    inf.end();
    return java.util.Arrays.copyOf(out, n);
  }

  @Test
  void floatsAreZlibCompressedLittleEndianFloat32() throws Exception {
    try (ArrayCodec c = new ArrayCodec()) {
      byte[] raw = inflate(c.floats(List.of(1.0f, -2.5f)));
      assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0x20, (byte) 0xc0}, raw);
    }
  }

  @Test
  void edgeIndexIntegersWidenToLittleEndianInt64() throws Exception {
    try (ArrayCodec c = new ArrayCodec()) {
      byte[] raw = inflate(c.longs(List.of(1, 258)));
      assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0}, raw);
    }
  }

  @Test
  void decodingReturnsWhatWasEncoded() {
    try (ArrayCodec c = new ArrayCodec()) {
      assertArrayEquals(
          new float[] {0f, 0.25f, 1f}, ArrayCodec.decodeFloats(c.floats(List.of(0f, 0.25f, 1f))));
      assertArrayEquals(
          new double[] {15.0, 27.5}, ArrayCodec.decodeDoubles(c.doubles(List.of(15.0, 27.5))));
      assertArrayEquals(
          new long[] {0, 1, 1, 0}, ArrayCodec.decodeLongs(c.longs(List.of(0, 1, 1, 0))));
      assertArrayEquals(new int[] {7, -1}, ArrayCodec.decodeInts(c.ints(List.of(7, -1))));
    }
  }

  @Test
  void aCorruptBlobIsAClearErrorNotGarbage() {
    assertThrows(
        IllegalArgumentException.class, () -> ArrayCodec.decodeFloats(new byte[] {1, 2, 3, 4}));
  }
}
