package io.msetl.lightdb.storage;

import io.msetl.lightdb.ErrorCode;
import io.msetl.lightdb.LightDbException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Lowest layer: positional reads and writes of whole blocks of one size on a FileChannel. */
public final class BlockFile implements Closeable {
  private final FileChannel channel;
  private final Path path;
  private final boolean writable;
  private int blockSize;

  private BlockFile(FileChannel channel, Path path, boolean writable) {
    this.channel = channel;
    this.path = path;
    this.writable = writable;
  }

  public static BlockFile openReadOnly(Path path) {
    try {
      return new BlockFile(FileChannel.open(path, StandardOpenOption.READ), path, false);
    } catch (IOException e) {
      throw new LightDbException(ErrorCode.FILE_OPEN, path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens (creating if needed) a file for reading and writing; the caller decides about truncation.
   */
  public static BlockFile openWritable(Path path, boolean truncate) {
    try {
      FileChannel ch =
          truncate
              ? FileChannel.open(
                  path,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING)
              : FileChannel.open(
                  path,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.CREATE);
      return new BlockFile(ch, path, true);
    } catch (IOException e) {
      throw new LightDbException(ErrorCode.FILE_OPEN, path + ": " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  public boolean writable() {
    return writable;
  }

  /** Fixes the block size once block 0 has been read or chosen. */
  public void setBlockSize(int blockSize) {
    this.blockSize = blockSize;
  }

  public int blockSize() {
    return blockSize;
  }

  public long length() {
    try {
      return channel.size();
    } catch (IOException e) {
      throw new LightDbException(ErrorCode.FILE_READ, path + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code dst.length} bytes at an absolute offset; a short file is a broken file. */
  public void readAt(long offset, byte[] dst) {
    ByteBuffer buf = ByteBuffer.wrap(dst);
    try {
      while (buf.hasRemaining()) {
        int n = channel.read(buf, offset + buf.position());
        if (n < 0) {
          throw LightDbException.broken(
              path.getFileName()
                  + " ends at byte "
                  + (offset + buf.position())
                  + " inside a block it needs");
        }
      }
    } catch (IOException e) {
      throw new LightDbException(ErrorCode.FILE_READ, path + ": " + e.getMessage(), e);
    }
  }

  public void readBlock(long blockNo, byte[] dst) {
    readAt(blockNo * blockSize, dst);
  }

  public void writeAt(long offset, byte[] src, int from, int length) {
    if (!writable) {
      throw new LightDbException(ErrorCode.FILE_ACCESS_DENIED, path.toString());
    }
    ByteBuffer buf = ByteBuffer.wrap(src, from, length);
    try {
      while (buf.hasRemaining()) {
        channel.write(buf, offset + (buf.position() - from));
      }
    } catch (IOException e) {
      throw new LightDbException(ErrorCode.FILE_WRITE, path + ": " + e.getMessage(), e);
    }
  }

  public void writeBlock(long blockNo, byte[] src) {
    writeAt(blockNo * blockSize, src, 0, blockSize);
  }

  /**
   * Maps the first {@code totalBlocks} blocks read-only (see {@link MappedBlocks}); the mapping
   * stays valid after {@link #close()}.
   */
  public MappedBlocks mapReadOnly(long totalBlocks, long chunkBytes) {
    if (writable) {
      throw new LightDbException(
          ErrorCode.FILE_OPEN_MODE, path + ": only read-only files are mapped");
    }
    return MappedBlocks.map(channel, path, blockSize, totalBlocks, chunkBytes);
  }

  /** Forces written data to the storage device. */
  public void force() {
    try {
      channel.force(true);
    } catch (IOException e) {
      throw new LightDbException(ErrorCode.FILE_WRITE, path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new LightDbException(ErrorCode.FILE_WRITE, path + ": " + e.getMessage(), e);
    }
  }
}
