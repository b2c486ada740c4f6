package io.msetl.lightdb;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A LightDB file: fixed-size records (key + data) in a B-tree, byte-compatible with the original C
 * library. Keys and data are passed as their little-endian element bytes ({@link Elements} converts
 * typed arrays); sizes must match the {@link #schema()}.
 *
 * <p>Non-fatal outcomes of the original API are return values: {@code false} for SAME_KEY_EXISTS
 * (add) and KEY_NOT_FOUND (change, delete), an empty Optional for KEY_NOT_FOUND (read), NO_MORE_KEY
 * (next, previous) and NO_KEYS (minimum, maximum). Errors are {@link LightDbException}s.
 *
 * <p>Writers work on a temporary copy in the same folder that {@link #close()} renames over the
 * target atomically: a reader never sees a half-written file, and a writer that is never closed
 * leaves the previous file untouched. Not thread-safe.
 */
public interface LightDb extends AutoCloseable {

  /**
   * Opens or creates a file. {@code schemaForNewFile} is used only when a file is created (it may
   * be null for {@link OpenMode#READ_ONLY}); an existing file keeps its own schema.
   */
  static LightDb open(Path path, OpenMode mode, Schema schemaForNewFile, LightDbOptions options) {
    return DefaultLightDb.open(path, mode, schemaForNewFile, options);
  }

  static LightDb open(Path path, OpenMode mode, Schema schemaForNewFile) {
    return open(path, mode, schemaForNewFile, LightDbOptions.defaults());
  }

  static LightDb openReadOnly(Path path) {
    return open(path, OpenMode.READ_ONLY, null, LightDbOptions.defaults());
  }

  /** A view with primitive-array keys and data; the codecs must fit the file's element types. */
  static <K, V> TypedLightDb<K, V> typed(LightDb db, ElementCodec<K> keys, ElementCodec<V> data) {
    return new TypedLightDb<>(db, keys, data);
  }

  Schema schema();

  /** Adds a record; false if the key already exists (nothing changes). */
  boolean add(byte[] key, byte[] data);

  /**
   * The data stored under {@code key}; moves the record pointer there (or to the gap where it would
   * be).
   */
  Optional<byte[]> read(byte[] key);

  /** Adds the record or replaces the data of an existing key; true if it was added. */
  boolean set(byte[] key, byte[] data);

  /** Replaces the data of an existing key; false if the key is absent. */
  boolean change(byte[] key, byte[] data);

  /** Deletes a record; false if the key is absent. */
  boolean delete(byte[] key);

  Optional<Record> minimum();

  Optional<Record> maximum();

  /** The record after the pointer (after a missed read: the smallest greater key). */
  Optional<Record> next();

  /**
   * The record before the pointer (after a missed read: the largest smaller key; no "skip" quirk).
   */
  Optional<Record> previous();

  /** The record under the pointer, if it is on one. */
  Optional<Record> reread();

  long recordCount();

  /**
   * Every record in block order (fast, not key order; spec §11.5). Arguments are (key, data)
   * copies.
   */
  void forEachUnordered(java.util.function.BiConsumer<byte[], byte[]> sink);

  /** The header counters (pages, root, chain, records). */
  HeaderFacts headerFacts();

  /** Structural check of every invariant; flushes first, like the original. */
  VerifyReport verify();

  /** The header facts as the original's print-info lines. */
  List<String> info();

  int userAreaSize();

  byte[] readUserArea();

  /**
   * Writes the first bytes of the user area; longer input is truncated to {@link #userAreaSize()}.
   */
  void writeUserArea(byte[] bytes);

  /** Writes cached pages and the header to the (temporary) file and forces it to disk. */
  void flush();

  /** Flushes, and for writers atomically replaces the target file. */
  @Override
  void close();
}
