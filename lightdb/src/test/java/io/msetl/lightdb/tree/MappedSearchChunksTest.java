package io.msetl.lightdb.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.lightdb.KeyComparator;
import io.msetl.lightdb.Record;
import io.msetl.lightdb.storage.BlockFile;
import io.msetl.lightdb.storage.BlockStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The mapped lookup finds the same records as the cached one when the mapping is split into many
 * small chunks.
 */
class MappedSearchChunksTest {
  static Path vector(String name) {
    return io.msetl.lightdb.Vectors.dir().resolve(name + ".ldb");
  }

  @Test
  void lookupsAcrossChunkBoundariesMatchTheCachedTree() {
    for (String name :
        List.of(
            "g_items8_uint64_deep",
            "a_sint32_double2_random",
            "c_spectrum_deleted",
            "z_bulk_items8_n100")) {
      try (BlockStore cachedStore = BlockStore.open(BlockFile.openReadOnly(vector(name)), 16);
          BlockFile mappedFile = BlockFile.openReadOnly(vector(name))) {
        int page = cachedStore.schema().pageByteSize();
        BlockStore mappedStore = BlockStore.openMapped(mappedFile, 16, 3L * page + 17);
        assertEquals((cachedStore.totalBlocks() + 2) / 3, mappedStore.mapped().chunkCount(), name);
        assertTrue(mappedStore.mapped().chunkCount() >= 3, name);
        KeyComparator cmp = KeyComparator.numeric(cachedStore.schema().keyType());
        BTree cached = new BTree(cachedStore, cmp);
        BTree mapped = new BTree(mappedStore, cmp);
        assertTrue(mapped.hasMappedSearch() && !cached.hasMappedSearch());
        TreeCursor all = new TreeCursor(cached);
        int n = 0;
        for (Optional<Record> r = all.first(); r.isPresent(); r = all.next()) {
          byte[] key = r.get().key();
          assertArrayEquals(r.get().data(), mapped.findMapped(key), name + " record " + n);
          byte[] near = key.clone();
          near[0] ^= 1;
          assertEquals(
              cached.find(near).orElse(null) == null,
              mapped.findMapped(near) == null,
              name + " near " + n);
          n++;
        }
        assertEquals(cachedStore.totalRecords(), n, name);
        byte[] zero = new byte[cachedStore.schema().keyByteSize()];
        assertEquals(
            cached.find(zero).isPresent(), mapped.findMapped(zero) != null, name + " zero key");
      }
    }
  }
}
