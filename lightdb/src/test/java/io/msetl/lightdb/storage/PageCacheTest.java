package io.msetl.lightdb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block cache against a plain map model: random reads, writes, evictions and flushes lose
 * nothing.
 */
class PageCacheTest {
  @TempDir Path tmp;

  @Test
  void randomUseWithEvictionKeepsEveryWrittenBlock() {
    int blockSize = 64;
    int blocks = 400;
    Random rnd = new Random(11);
    Map<Long, byte[]> model = new HashMap<>();
    try (BlockFile file = BlockFile.openWritable(tmp.resolve("cache.bin"), true)) {
      file.setBlockSize(blockSize);
      PageCache cache = new PageCache(file, 16);
      for (long no = 0; no < blocks; no++) {
        byte[] b = new byte[blockSize];
        b[0] = (byte) no;
        cache.putNew(no, b);
        model.put(no, b.clone());
        cache.trim();
      }
      for (int op = 0; op < 50000; op++) {
        long no = rnd.nextInt(rnd.nextBoolean() ? 24 : blocks);
        byte[] page = cache.get(no);
        assertArrayEquals(model.get(no), page, "block " + no + " at op " + op);
        assertSame(page, cache.get(no), "a cached block is the same array until trimmed");
        if (rnd.nextInt(3) == 0) {
          page[rnd.nextInt(blockSize)] = (byte) rnd.nextInt();
          cache.markDirty(no);
          model.put(no, page.clone());
        }
        if (rnd.nextInt(4) == 0) {
          cache.trim();
          assertTrue(cache.size() <= 16);
        }
        if (rnd.nextInt(5000) == 0) {
          cache.flush();
        }
      }
      cache.flush();
      byte[] onDisk = new byte[blockSize];
      for (long no = 0; no < blocks; no++) {
        file.readBlock(no, onDisk);
        assertArrayEquals(model.get(no), onDisk, "block " + no + " on disk");
      }
      assertEquals(blocks * (long) blockSize, file.length());
    }
  }
}
