package io.msetl.lightdb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MappedBlocksTest {
  private static Path vector(String name) {
    return io.msetl.lightdb.Vectors.dir().resolve(name + ".ldb");
  }

  @Test
  void everyMappedBlockHasTheBytesOfTheFileEvenWhenChunksHoldFewBlocks() {
    try (BlockFile file = BlockFile.openReadOnly(vector("g_items8_uint64_deep"))) {
      HeaderBlock header = HeaderBlock.read(file);
      int size = header.blockByteSize();
      file.setBlockSize(size);
      long total = header.totalBlocks();
      for (long chunk : new long[] {size, 5L * size + size / 2, MappedBlocks.DEFAULT_CHUNK_BYTES}) {
        MappedBlocks m = file.mapReadOnly(total, chunk);
        long perChunk = Math.max(1, chunk / size);
        assertEquals((total + perChunk - 1) / perChunk, m.chunkCount());
        byte[] expected = new byte[size];
        byte[] actual = new byte[size];
        for (long no = 0; no < total; no++) {
          file.readBlock(no, expected);
          ByteBuffer buf = m.chunkOf(no);
          buf.get(m.offsetOf(no), actual, 0, size);
          assertArrayEquals(
              expected, actual, "block " + no + " with chunks of " + chunk + " bytes");
        }
      }
    }
  }

  @Test
  void writableFilesAreNeverMapped() throws Exception {
    Path copy = Files.createTempFile("mapped", ".ldb");
    try {
      Files.copy(vector("j_empty"), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      try (BlockFile file = BlockFile.openWritable(copy, false)) {
        assertThrows(
            io.msetl.lightdb.LightDbException.class,
            () -> file.mapReadOnly(1, MappedBlocks.DEFAULT_CHUNK_BYTES));
      }
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
