package io.msetl.lightdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-only opens look keys up on a memory mapping instead of the page cache. Both paths must give
 * the same answers, and leave the record pointer in the same place, on every vector and on random
 * files.
 */
class MappedLookupTest {
  @TempDir Path tmp;

  @Test
  void mappedAndCachedLookupsAgreeOnEveryVectorForPresentAndAbsentKeys() {
    for (String name : Vectors.names()) {
      Vectors.Facts f = Vectors.facts(name);
      Schema s = f.schema();
      List<Record> records = Vectors.records(name);
      List<byte[]> probes = new ArrayList<>();
      records.forEach(r -> probes.add(r.key()));
      Random rnd = new Random(name.hashCode());
      for (int i = 0; i < 300; i++) {
        probes.add(randomKey(s, rnd));
      }
      for (Record r : records) {
        probes.add(neighbourKey(s, r.key(), rnd.nextBoolean() ? 1 : -1));
      }
      int hits = compareBothPaths(Vectors.ldb(name), Vectors.optionsFor(s), probes, name);
      assertTrue(hits >= records.size(), name + ": every stored key is found (" + hits + " hits)");
      try (LightDb db =
          LightDb.open(Vectors.ldb(name), OpenMode.READ_ONLY, null, Vectors.optionsFor(s))) {
        for (Record r : records) {
          assertArrayEquals(r.data(), db.read(r.key()).orElseThrow(), name);
        }
      }
    }
  }

  @Test
  void mappedAndCachedLookupsAgreeOnRandomlyBuiltFiles() {
    record Case(
        String name, Schema schema, LightDbOptions options, Function<Random, byte[]> keys) {}
    List<Case> cases =
        List.of(
            new Case(
                "sint32x2 default M",
                Schema.withDefaultMaxItems(ElementType.SINT32, 2, ElementType.DOUBLE64, 1),
                LightDbOptions.defaults(),
                r -> Elements.ints(r.nextInt(200) - 100, r.nextInt(400))),
            new Case(
                "uint64 M8",
                new Schema(ElementType.UINT64, 1, ElementType.SINT64, 1, 8),
                LightDbOptions.defaults(),
                r -> Elements.longs((r.nextBoolean() ? Long.MIN_VALUE : 0) + r.nextInt(30000))),
            new Case(
                "float M10",
                new Schema(ElementType.FLOAT32, 1, ElementType.UBYTE8, 3, 10),
                LightDbOptions.defaults(),
                r -> Elements.floats((r.nextInt(20000) - 10000) / 3f)),
            new Case(
                "bytes M12 memcmp",
                new Schema(ElementType.UNDEFINED, 3, ElementType.UNDEFINED, 5, 12),
                LightDbOptions.defaults().withComparator(KeyComparator.MEMCMP),
                r ->
                    new byte[] {
                      (byte) r.nextInt(256), (byte) r.nextInt(256), (byte) r.nextInt(4)
                    }));
    for (Case c : cases) {
      Random rnd = new Random(c.name().hashCode());
      Path file = tmp.resolve(c.name().replace(' ', '_') + ".ldb");
      try (LightDb db = LightDb.open(file, OpenMode.CREATE_NEW, c.schema(), c.options())) {
        for (int op = 0; op < 10000; op++) {
          byte[] key = c.keys().apply(rnd);
          if (op % 4 == 3) {
            db.delete(key);
          } else {
            byte[] data = new byte[c.schema().dataByteSize()];
            rnd.nextBytes(data);
            db.set(key, data);
          }
        }
        assertEquals(List.of(), db.verify().problems(), c.name());
      }
      List<byte[]> probes = new ArrayList<>();
      for (int i = 0; i < 2500; i++) {
        probes.add(c.keys().apply(rnd));
      }
      int hits = compareBothPaths(file, c.options(), probes, c.name());
      assertTrue(hits > 50 && hits < 2450, c.name() + ": probes hit and miss (" + hits + " hits)");
    }
  }

  /**
   * Reads every probe through both paths, then steps next and previous from there; returns the hit
   * count.
   */
  private static int compareBothPaths(
      Path file, LightDbOptions options, List<byte[]> probes, String what) {
    int hits = 0;
    try (LightDb mapped =
            LightDb.open(file, OpenMode.READ_ONLY, null, options.withMemoryMap(true));
        LightDb cached =
            LightDb.open(file, OpenMode.READ_ONLY, null, options.withMemoryMap(false))) {
      for (byte[] key : probes) {
        Optional<byte[]> m = mapped.read(key);
        Optional<byte[]> c = cached.read(key);
        assertEquals(c.isPresent(), m.isPresent(), what);
        if (c.isPresent()) {
          assertArrayEquals(c.get(), m.get(), what);
          hits++;
        }
        assertSameRecord(cached.reread(), mapped.reread(), what + " reread");
        assertSameRecord(cached.next(), mapped.next(), what + " next");
        mapped.read(key);
        cached.read(key);
        assertSameRecord(cached.previous(), mapped.previous(), what + " previous");
      }
    }
    return hits;
  }

  private static void assertSameRecord(
      Optional<Record> expected, Optional<Record> actual, String what) {
    assertEquals(expected.isPresent(), actual.isPresent(), what);
    if (expected.isPresent()) {
      assertArrayEquals(expected.get().key(), actual.get().key(), what);
      assertArrayEquals(expected.get().data(), actual.get().data(), what);
    }
  }

  /**
   * The key with the lowest byte of its last element moved by {@code delta}: a near miss, mostly.
   */
  private static byte[] neighbourKey(Schema s, byte[] key, int delta) {
    byte[] k = key.clone();
    int off = k.length - s.keyType().size();
    k[off] = (byte) (k[off] + delta);
    return noNaN(s, k);
  }

  /**
   * A random key of the schema's size; floating-point NaNs (which no key may be) are replaced by 0.
   */
  private static byte[] randomKey(Schema s, Random rnd) {
    byte[] key = new byte[s.keyByteSize()];
    rnd.nextBytes(key);
    return noNaN(s, key);
  }

  private static byte[] noNaN(Schema s, byte[] key) {
    ElementType t = s.keyType();
    for (int off = 0; off < key.length; off += t.size()) {
      if (t.isNaN(key, off)) {
        java.util.Arrays.fill(key, off, off + t.size(), (byte) 0);
      }
    }
    return key;
  }
}
