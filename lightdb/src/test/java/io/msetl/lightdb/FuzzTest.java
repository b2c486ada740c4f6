package io.msetl.lightdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of the vector files (byte flips, often in page and block headers, and
 * truncations): every open / iterate / look-up / verify either works consistently or fails with
 * "file is broken".
 */
class FuzzTest {
  private static final List<String> VECTORS =
      List.of(
          "a_sint32_double2_random",
          "b_bigmatrix_100x100",
          "d1_sbyte8x2_sshort16",
          "e_userarea_uint32",
          "g_items8_uint64_deep",
          "h_double_keys",
          "i_all_deleted",
          "j_empty",
          "k_undefined_bytes",
          "z_bulk_items8_n100",
          "f_items80_bigmatrix_120x120");
  private static final int MUTATIONS_PER_VECTOR = 40;

  @TempDir Path tmp;

  @Test
  @Timeout(60)
  void mutatedFilesEitherWorkConsistentlyOrFailAsBrokenFiles() throws Exception {
    Random rnd = new Random(20241121L);
    int broken = 0;
    int clean = 0;
    for (String name : VECTORS) {
      byte[] original = Files.readAllBytes(Vectors.ldb(name));
      int page = Vectors.facts(name).integer("page_byte_size");
      List<Record> records = Vectors.records(name);
      for (int i = 0; i < MUTATIONS_PER_VECTOR; i++) {
        byte[] mutated = mutate(original, page, rnd);
        Path f = tmp.resolve(name + "_" + i + ".ldb");
        Files.write(f, mutated);
        try {
          exercise(f, records, rnd);
          clean++;
        } catch (LightDbException e) {
          assertEquals(
              ErrorCode.BROKEN_FILE,
              e.errorCode(),
              name + " mutation " + i + ": " + e.getMessage());
          broken++;
        } catch (RuntimeException | Error e) {
          fail(name + " mutation " + i + " threw " + e, e);
        }
        Files.delete(f);
      }
    }
    assertTrue(broken > 50, "most mutations are detected, got " + broken);
    assertTrue(clean > 0, "some mutations (e.g. in data bytes) leave a usable file, got " + clean);
  }

  private static byte[] mutate(byte[] original, int page, Random rnd) {
    int kind = rnd.nextInt(10);
    if (kind == 0) {
      return Arrays.copyOf(original, rnd.nextInt(original.length));
    }
    byte[] b = original.clone();
    int flips = 1 + rnd.nextInt(4);
    for (int j = 0; j < flips; j++) {
      int pos;
      if (kind < 6) {
        int blocks = b.length / page;
        pos = rnd.nextInt(Math.max(1, blocks)) * page + rnd.nextInt(Math.min(page, 88));
      } else {
        pos = rnd.nextInt(b.length);
      }
      if (pos < b.length) {
        b[pos] ^= (byte) (1 << rnd.nextInt(8));
      }
    }
    return b;
  }

  private static void exercise(Path f, List<Record> records, Random rnd) {
    LightDbOptions options = LightDbOptions.defaults().withComparator(KeyComparator.MEMCMP);
    try (LightDb db = LightDb.open(f, OpenMode.READ_ONLY, null, options)) {
      VerifyReport report;
      try {
        report = db.verify();
      } catch (LightDbException e) {
        throw e;
      }
      long forward = 0;
      RuntimeException iterationFailure = null;
      try {
        for (Optional<Record> r = db.minimum(); r.isPresent(); r = db.next()) {
          forward++;
        }
        long backward = 0;
        for (Optional<Record> r = db.maximum(); r.isPresent(); r = db.previous()) {
          backward++;
        }
        assertEquals(forward, backward, "forward and backward iteration agree");
        long[] unordered = {0};
        db.forEachUnordered((k, d) -> unordered[0]++);
        if (report.ok()) {
          assertEquals(db.recordCount(), unordered[0]);
        }
        for (int i = 0; i < 20 && !records.isEmpty(); i++) {
          Record r = records.get(rnd.nextInt(records.size()));
          if ((r.key().length == db.schema().keyByteSize()
                  && db.schema().keyType() == ElementType.UNDEFINED)
              || !db.schema().keyType().isFloatingPoint()) {
            db.read(r.key());
          }
        }
      } catch (LightDbException e) {
        iterationFailure = e;
      }
      if (report.ok()) {
        if (iterationFailure != null) {
          throw new AssertionError(
              "verify passed but reading failed: " + iterationFailure.getMessage(),
              iterationFailure);
        }
        assertEquals(db.recordCount(), forward, "a file that verifies iterates all its records");
      } else if (iterationFailure != null) {
        throw iterationFailure;
      } else {
        throw LightDbException.broken("verify found: " + report.problems().get(0));
      }
    }
  }
}
