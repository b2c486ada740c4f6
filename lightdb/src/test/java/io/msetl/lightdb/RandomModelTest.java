package io.msetl.lightdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random operations against a java.util.TreeMap model, with full verification after
 * every batch.
 */
class RandomModelTest {
  @TempDir Path tmp;

  private record Case(
      String name, Schema schema, LightDbOptions options, Function<Random, byte[]> keys) {}

  private static Comparator<byte[]> order(Schema s, LightDbOptions o) {
    KeyComparator c = o.comparatorFor(s.keyType());
    return (a, b) -> c.compare(a, 0, b, 0, s.keyByteSize());
  }

  @Test
  void randomOperationsMatchATreeMapModelAndKeepEveryInvariant() {
    List<Case> cases =
        List.of(
            new Case(
                "sint32 M8",
                new Schema(ElementType.SINT32, 1, ElementType.SINT32, 1, 8),
                LightDbOptions.defaults(),
                r -> Elements.ints(r.nextInt(4000) - 2000)),
            new Case(
                "uint64 M8",
                new Schema(ElementType.UINT64, 1, ElementType.SINT64, 1, 8),
                LightDbOptions.defaults(),
                r -> Elements.longs((r.nextBoolean() ? Long.MIN_VALUE : 0) + r.nextInt(3000))),
            new Case(
                "sshort16x2 M10",
                new Schema(ElementType.SSHORT16, 2, ElementType.UBYTE8, 3, 10),
                LightDbOptions.defaults(),
                r ->
                    Elements.shorts(
                        (short) (r.nextInt(60) - 30), (short) (r.nextInt(80) * 800 - 32000))),
            new Case(
                "double M8",
                new Schema(ElementType.DOUBLE64, 1, ElementType.FLOAT32, 2, 8),
                LightDbOptions.defaults(),
                r -> Elements.doubles((r.nextInt(5000) - 2500) / 7.0)),
            new Case(
                "bytes M12 memcmp",
                new Schema(ElementType.UNDEFINED, 3, ElementType.UNDEFINED, 5, 12),
                LightDbOptions.defaults().withComparator(KeyComparator.MEMCMP),
                r ->
                    new byte[] {
                      (byte) r.nextInt(256), (byte) (r.nextInt(8) * 32), (byte) r.nextInt(2)
                    }));
    for (Case c : cases) {
      runModel(c, new Random(c.name().hashCode()), 6000, 600);
    }
  }

  private void runModel(Case c, Random rnd, int operations, int batch) {
    Path file = tmp.resolve(c.name().replace(' ', '_') + ".ldb");
    TreeMap<byte[], byte[]> model = new TreeMap<>(order(c.schema(), c.options()));
    try (LightDb db = LightDb.open(file, OpenMode.CREATE_NEW, c.schema(), c.options())) {
      for (int op = 1; op <= operations; op++) {
        byte[] key = c.keys().apply(rnd);
        byte[] data = new byte[c.schema().dataByteSize()];
        rnd.nextBytes(data);
        if (c.schema().dataType() == ElementType.FLOAT32) {
          data = Elements.floats(rnd.nextFloat(), -rnd.nextFloat());
        }
        int kind = rnd.nextInt(10);
        // bias towards growth first, then shrinkage, so the trees get deep and then merge
        boolean growing = op < operations * 0.6;
        if (kind < (growing ? 5 : 2)) {
          assertEquals(!model.containsKey(key), db.add(key, data), c.name() + " add op " + op);
          model.putIfAbsent(key, data);
        } else if (kind < 6) {
          assertEquals(model.remove(key) != null, db.delete(key), c.name() + " delete op " + op);
        } else if (kind < 7) {
          assertEquals(!model.containsKey(key), db.set(key, data), c.name() + " set op " + op);
          model.put(key, data);
        } else if (kind < 8) {
          assertEquals(model.containsKey(key), db.change(key, data), c.name() + " change op " + op);
          model.computeIfPresent(key, (k, v) -> v);
          if (model.containsKey(key)) {
            model.put(key, data);
          }
        } else {
          Optional<byte[]> got = db.read(key);
          assertEquals(model.containsKey(key), got.isPresent(), c.name() + " read op " + op);
          got.ifPresent(g -> assertArrayEquals(model.get(key), g));
          checkNeighbours(db, model, key, c.name() + " op " + op);
        }
        if (op % batch == 0) {
          assertEquals(List.of(), db.verify().problems(), c.name() + " after op " + op);
          assertEquals(model.size(), db.recordCount());
          assertSameContents(db, model, c.name());
        }
      }
    }
    try (LightDb db = LightDb.open(file, OpenMode.READ_ONLY, null, c.options())) {
      assertEquals(List.of(), db.verify().problems());
      assertSameContents(db, model, c.name() + " reopened");
    }
  }

  private static void checkNeighbours(
      LightDb db, NavigableMap<byte[], byte[]> model, byte[] key, String what) {
    Map.Entry<byte[], byte[]> higher = model.higherEntry(key);
    Optional<Record> next = db.next();
    assertEquals(higher != null, next.isPresent(), what + " next");
    if (higher != null) {
      assertArrayEquals(higher.getKey(), next.get().key(), what + " next key");
    }
    db.read(key);
    Map.Entry<byte[], byte[]> lower = model.lowerEntry(key);
    Optional<Record> prev = db.previous();
    assertEquals(lower != null, prev.isPresent(), what + " previous");
    if (lower != null) {
      assertArrayEquals(lower.getKey(), prev.get().key(), what + " previous key");
    }
  }

  private static void assertSameContents(
      LightDb db, NavigableMap<byte[], byte[]> model, String what) {
    List<Map.Entry<byte[], byte[]>> expected = new ArrayList<>(model.entrySet());
    int i = 0;
    for (Optional<Record> r = db.minimum(); r.isPresent(); r = db.next(), i++) {
      assertTrue(i < expected.size(), what + ": more records than the model");
      assertArrayEquals(expected.get(i).getKey(), r.get().key(), what + " key " + i);
      assertArrayEquals(expected.get(i).getValue(), r.get().data(), what + " data " + i);
    }
    assertEquals(expected.size(), i, what + ": record count");
    i = expected.size() - 1;
    for (Optional<Record> r = db.maximum(); r.isPresent(); r = db.previous(), i--) {
      assertArrayEquals(expected.get(i).getKey(), r.get().key(), what + " reverse key " + i);
    }
    assertEquals(-1, i);
  }

  @Test
  void modifyingLibraryFilesWithDeletedChainsReusesChainPagesHeadFirst() throws Exception {
    for (String name : List.of("c_spectrum_deleted", "g_items8_uint64_deep", "i_all_deleted")) {
      Path file = tmp.resolve(name + ".ldb");
      Files.copy(Vectors.ldb(name), file, StandardCopyOption.REPLACE_EXISTING);
      Schema schema = Vectors.facts(name).schema();
      TreeMap<byte[], byte[]> model = new TreeMap<>(order(schema, LightDbOptions.defaults()));
      for (Record r : Vectors.records(name)) {
        model.put(r.key(), r.data());
      }
      Random rnd = new Random(name.hashCode());
      try (LightDb db = LightDb.open(file, OpenMode.OPEN_OR_CREATE, null)) {
        HeaderFacts before = db.headerFacts();
        long head = before.firstDeletedPage();
        long secondInChain =
            ByteBuffer.wrap(
                        Files.readAllBytes(Vectors.ldb(name)),
                        (int) (head * schema.pageByteSize()),
                        8)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .getLong()
                & Long.MAX_VALUE;
        int added = 0;
        while (db.headerFacts().deletedBlocks() == before.deletedBlocks()) {
          byte[] key = randomKey(schema, rnd);
          byte[] data = new byte[schema.dataByteSize()];
          rnd.nextBytes(data);
          if (schema.dataType() == ElementType.FLOAT32) {
            data = Elements.floats(new float[schema.dataElements()]);
          }
          if (db.add(key, data)) {
            model.put(key, data);
            added++;
          }
        }
        HeaderFacts after = db.headerFacts();
        assertEquals(before.deletedBlocks() - 1, after.deletedBlocks(), name);
        assertEquals(
            secondInChain, after.firstDeletedPage(), name + ": the chain head was reused first");
        assertEquals(before.totalBlocks(), after.totalBlocks(), name + ": the file did not grow");
        assertTrue(added > 0);
        for (int i = 0; i < 400; i++) {
          byte[] key = randomKey(schema, rnd);
          if (rnd.nextBoolean() && !model.isEmpty()) {
            key = model.ceilingKey(key) == null ? model.firstKey() : model.ceilingKey(key);
            assertTrue(db.delete(key));
            model.remove(key);
          } else {
            byte[] data = new byte[schema.dataByteSize()];
            assertEquals(!model.containsKey(key), db.add(key, data));
            model.putIfAbsent(key, data);
          }
        }
        VerifyReport v = db.verify();
        assertEquals(List.of(), v.problems(), name);
        assertSameContents(db, model, name);
      }
      try (LightDb db = LightDb.openReadOnly(file)) {
        assertEquals(List.of(), db.verify().problems(), name + " reopened");
        assertEquals(model.size(), db.recordCount());
      }
    }
  }

  @Test
  void deletingFreesPagesOntoTheChainAndTheFileNeverShrinks() {
    Path file = tmp.resolve("shrink.ldb");
    Schema schema = new Schema(ElementType.SINT32, 1, ElementType.SINT32, 1, 8);
    try (LightDb db = LightDb.open(file, OpenMode.CREATE_NEW, schema)) {
      for (int k = 0; k < 200; k++) {
        assertTrue(db.add(Elements.ints(k), Elements.ints(k)));
      }
      long blocks = db.headerFacts().totalBlocks();
      for (int k = 0; k < 200; k++) {
        assertTrue(db.delete(Elements.ints(k)));
      }
      HeaderFacts f = db.headerFacts();
      assertEquals(blocks, f.totalBlocks());
      assertEquals(0, f.rootPage());
      assertEquals(blocks - 1, f.deletedBlocks());
      assertEquals(List.of(), db.verify().problems());
      assertFalse(db.minimum().isPresent());
    }
  }

  private static byte[] randomKey(Schema s, Random rnd) {
    byte[] k = new byte[s.keyByteSize()];
    rnd.nextBytes(k);
    return k;
  }
}
