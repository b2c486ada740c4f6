package io.msetl.lightdb.storage;

import io.msetl.lightdb.ErrorCode;
import io.msetl.lightdb.LightDbException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A read-only memory mapping of blocks 0..TotalBlocks-1, for lookups that should cost no cache
 * bookkeeping, no copying and no allocation. One mapping is limited to 2 GiB, so the file is mapped
 * in chunks of a whole number of blocks: a block never straddles two chunks. Only for files that
 * nobody writes while they are mapped (read-only opens; writers work on a private temporary copy).
 */
public final class MappedBlocks {
  /** Default chunk budget: 1 GiB, well below the 2 GiB limit of one mapping. */
  public static final long DEFAULT_CHUNK_BYTES = 1L << 30;

  private final ByteBuffer[] chunks;
  private final int blockSize;
  private final long blocksPerChunk;
  private final long totalBlocks;

  private MappedBlocks(ByteBuffer[] chunks, int blockSize, long blocksPerChunk, long totalBlocks) {
    this.chunks = chunks;
    this.blockSize = blockSize;
    this.blocksPerChunk = blocksPerChunk;
    this.totalBlocks = totalBlocks;
  }

  /**
   * Maps {@code totalBlocks} blocks of {@code blockSize} bytes in chunks of at most {@code
   * chunkBytes} (at least one block).
   */
  static MappedBlocks map(
      FileChannel channel, Path path, int blockSize, long totalBlocks, long chunkBytes) {
    long perChunk = Math.max(1, Math.min(chunkBytes, Integer.MAX_VALUE) / blockSize);
    int n = (int) ((totalBlocks + perChunk - 1) / perChunk);
    ByteBuffer[] chunks = new ByteBuffer[n];
    try {
      for (int c = 0; c < n; c++) {
        long first = c * perChunk;
        long blocks = Math.min(perChunk, totalBlocks - first);
        chunks[c] =
            channel
                .map(FileChannel.MapMode.READ_ONLY, first * blockSize, blocks * blockSize)
                .order(ByteOrder.LITTLE_ENDIAN);
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new LightDbException(
          ErrorCode.FILE_READ, path + ": cannot map the file: " + e.getMessage(), e);
    }
    return new MappedBlocks(chunks, blockSize, perChunk, totalBlocks);
  }

  public int blockSize() {
    return blockSize;
  }

  public long totalBlocks() {
    return totalBlocks;
  }

  public int chunkCount() {
    return chunks.length;
  }

  /**
   * The (little-endian, read-only) chunk holding block {@code blockNo}; the block starts at {@link
   * #offsetOf}.
   */
  public ByteBuffer chunkOf(long blockNo) {
    return chunks[(int) (blockNo / blocksPerChunk)];
  }

  public int offsetOf(long blockNo) {
    return (int) (blockNo % blocksPerChunk) * blockSize;
  }
}
