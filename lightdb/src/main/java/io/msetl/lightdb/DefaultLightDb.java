package io.msetl.lightdb;

import io.msetl.lightdb.storage.BlockFile;
import io.msetl.lightdb.storage.BlockStore;
import io.msetl.lightdb.storage.HeaderBlock;
import io.msetl.lightdb.storage.MappedBlocks;
import io.msetl.lightdb.tree.BTree;
import io.msetl.lightdb.tree.TreeChecker;
import io.msetl.lightdb.tree.TreeCursor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The record layer: argument checks, the record pointer, and the temp-file-and-rename publication.
 */
final class DefaultLightDb implements LightDb {
  private final Path target;
  private final Path temp;
  private final BlockStore store;
  private final BTree tree;
  private final TreeCursor cursor;
  private final Schema schema;
  private final KeyComparator comparator;
  private boolean closed;

  private DefaultLightDb(Path target, Path temp, BlockStore store, KeyComparator comparator) {
    this.target = target;
    this.temp = temp;
    this.store = store;
    this.schema = store.schema();
    this.comparator = comparator;
    this.tree = new BTree(store, comparator);
    this.cursor = new TreeCursor(tree);
  }

  static DefaultLightDb open(Path path, OpenMode mode, Schema schema, LightDbOptions options) {
    if (path == null || mode == null || options == null) {
      throw new LightDbException(ErrorCode.BAD_ARGUMENT, "path, mode and options are required");
    }
    boolean exists = Files.exists(path);
    if (mode == OpenMode.READ_ONLY) {
      if (!exists) {
        throw new LightDbException(ErrorCode.FILE_OPEN, path + " does not exist");
      }
      BlockFile file = BlockFile.openReadOnly(path);
      return openExisting(path, null, file, options);
    }
    if (mode == OpenMode.CREATE_NEW && exists) {
      throw new LightDbException(ErrorCode.FILE_OPEN, path + " already exists");
    }
    boolean create = mode != OpenMode.OPEN_OR_CREATE || !exists;
    if (create) {
      if (schema == null) {
        throw new LightDbException(ErrorCode.BAD_ARGUMENT, "a schema is needed to create " + path);
      }
      KeyComparator cmp = options.comparatorFor(schema.keyType());
      Path temp = tempFileFor(path);
      BlockFile file = BlockFile.openWritable(temp, true);
      BlockStore store = BlockStore.create(file, schema, options.cachePages(schema.pageByteSize()));
      return new DefaultLightDb(path, temp, store, cmp);
    }
    Path temp = tempFileFor(path);
    try {
      Files.copy(path, temp, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new LightDbException(
          ErrorCode.FILE_OPEN, "cannot copy " + path + " for writing: " + e.getMessage(), e);
    }
    return openExisting(path, temp, BlockFile.openWritable(temp, false), options);
  }

  private static DefaultLightDb openExisting(
      Path path, Path temp, BlockFile file, LightDbOptions options) {
    try {
      BlockStore store = BlockStore.open(file, 256);
      KeyComparator cmp = options.comparatorFor(store.schema().keyType());
      store.close();
      file = temp == null ? BlockFile.openReadOnly(path) : BlockFile.openWritable(temp, false);
      int cachePages = options.cachePages(store.schema().pageByteSize());
      store =
          temp == null && options.memoryMap()
              ? BlockStore.openMapped(file, cachePages, MappedBlocks.DEFAULT_CHUNK_BYTES)
              : BlockStore.open(file, cachePages);
      return new DefaultLightDb(path, temp, store, cmp);
    } catch (RuntimeException e) {
      file.close();
      if (temp != null) {
        deleteQuietly(temp);
      }
      throw e;
    }
  }

  /** A temporary file next to the target, so the final rename stays on one file system. */
  static Path tempFileFor(Path target) {
    Path abs = target.toAbsolutePath();
    try {
      return Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      throw new LightDbException(
          ErrorCode.FILE_OPEN,
          "cannot create a temporary file next to " + target + ": " + e.getMessage(),
          e);
    }
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: a leftover temp file never replaces the target
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new LightDbException(ErrorCode.BAD_PTR, target.toString());
    }
  }

  private void checkKey(byte[] key) {
    requireOpen();
    if (key == null || key.length != schema.keyByteSize()) {
      throw new LightDbException(
          ErrorCode.KEY_SIZE,
          "key must have "
              + schema.keyByteSize()
              + " bytes, got "
              + (key == null ? "null" : key.length));
    }
    ElementType t = schema.keyType();
    if (t.isFloatingPoint()) {
      for (int off = 0; off < key.length; off += t.size()) {
        if (t.isNaN(key, off)) {
          throw new LightDbException(
              ErrorCode.BAD_ARGUMENT,
              "NaN key element "
                  + off / t.size()
                  + " (NaN compares equal to every key, so it cannot be stored)");
        }
      }
    }
  }

  private void checkData(byte[] data) {
    if (data == null || data.length != schema.dataByteSize()) {
      throw new LightDbException(
          ErrorCode.DATA_SIZE,
          "data must have "
              + schema.dataByteSize()
              + " bytes, got "
              + (data == null ? "null" : data.length));
    }
  }

  private void checkWritable() {
    if (temp == null) {
      throw new LightDbException(ErrorCode.FILE_ACCESS_DENIED, target + " was opened read-only");
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public boolean add(byte[] key, byte[] data) {
    checkKey(key);
    checkData(data);
    checkWritable();
    return tree.insert(key, data);
  }

  @Override
  public Optional<byte[]> read(byte[] key) {
    checkKey(key);
    return cursor.read(key);
  }

  @Override
  public boolean set(byte[] key, byte[] data) {
    return !change(key, data) && add(key, data);
  }

  @Override
  public boolean change(byte[] key, byte[] data) {
    checkKey(key);
    checkData(data);
    checkWritable();
    return cursor.seek(key) && tree.update(key, data);
  }

  @Override
  public boolean delete(byte[] key) {
    checkKey(key);
    checkWritable();
    return tree.delete(key);
  }

  @Override
  public Optional<Record> minimum() {
    requireOpen();
    return cursor.first();
  }

  @Override
  public Optional<Record> maximum() {
    requireOpen();
    return cursor.last();
  }

  @Override
  public Optional<Record> next() {
    requireOpen();
    return cursor.next();
  }

  @Override
  public Optional<Record> previous() {
    requireOpen();
    return cursor.previous();
  }

  @Override
  public Optional<Record> reread() {
    requireOpen();
    return cursor.current();
  }

  @Override
  public void forEachUnordered(BiConsumer<byte[], byte[]> sink) {
    requireOpen();
    tree.scanUnordered(sink);
  }

  @Override
  public long recordCount() {
    requireOpen();
    return store.totalRecords();
  }

  @Override
  public HeaderFacts headerFacts() {
    requireOpen();
    HeaderBlock h = store.header();
    return new HeaderFacts(
        h.version(),
        h.totalBlocks(),
        h.topDeleted(),
        h.deletedBlocks(),
        h.rootPage(),
        h.totalRecords(),
        schema.pageByteSize(),
        h.totalBlocks() * schema.pageByteSize());
  }

  @Override
  public VerifyReport verify() {
    requireOpen();
    store.flush();
    return TreeChecker.check(store, comparator);
  }

  @Override
  public List<String> info() {
    HeaderFacts f = headerFacts();
    List<String> lines = new ArrayList<>();
    lines.add("LightDB version = " + f.version());
    lines.add("Total pages (全ページ数) = " + f.totalBlocks());
    lines.add("Page byte size (ページバイトサイズ) = " + f.pageByteSize());
    lines.add("First deleted page (先頭削除ページ) = " + f.firstDeletedPage());
    lines.add("Deleted pages (削除ページ数) = " + f.deletedBlocks());
    lines.add("File size (ファイルサイズ) = " + f.fileSize());
    lines.add(
        String.format(
            Locale.ROOT,
            "Key type (キータイプ) = %d[%s]",
            schema.keyType().code(),
            schema.keyType().libraryName()));
    lines.add("Key byte size (キーバイトサイズ) = " + schema.keyByteSize());
    lines.add(
        String.format(
            Locale.ROOT,
            "Data type (データタイプ) = %d[%s]",
            schema.dataType().code(),
            schema.dataType().libraryName()));
    lines.add("Data byte size (データバイトサイズ) = " + schema.dataByteSize());
    lines.add("Root page (ルートページ) = " + f.rootPage());
    lines.add("Max items (最大アイテム数) = " + schema.maxItems());
    lines.add("Total records (レコード数) = " + f.totalRecords());
    lines.add(
        "User area = " + schema.userAreaByteSize() + " bytes at offset " + schema.userAreaOffset());
    return lines;
  }

  @Override
  public int userAreaSize() {
    return schema.userAreaByteSize();
  }

  @Override
  public byte[] readUserArea() {
    requireOpen();
    return store.readUserArea();
  }

  @Override
  public void writeUserArea(byte[] bytes) {
    requireOpen();
    checkWritable();
    store.writeUserArea(bytes);
  }

  @Override
  public void flush() {
    requireOpen();
    store.flush();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      store.flush();
    } finally {
      store.close();
    }
    if (temp != null) {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new LightDbException(
            ErrorCode.FILE_WRITE,
            "cannot rename " + temp + " to " + target + ": " + e.getMessage(),
            e);
      }
    }
  }
}
