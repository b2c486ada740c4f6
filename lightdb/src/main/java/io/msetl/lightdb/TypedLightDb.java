package io.msetl.lightdb;

import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A {@link LightDb} seen through primitive arrays, e.g. {@code int[]} keys and {@code double[]}
 * data for a BigMatrix file: {@code LightDb.typed(db, ElementCodec.INTS, ElementCodec.DOUBLES)}.
 * Same semantics as the byte-level methods; closing it closes the database.
 */
public final class TypedLightDb<K, V> implements AutoCloseable {
  private final LightDb db;
  private final ElementCodec<K> keys;
  private final ElementCodec<V> values;
  private final Schema schema;

  TypedLightDb(LightDb db, ElementCodec<K> keys, ElementCodec<V> values) {
    this.db = db;
    this.keys = keys;
    this.values = values;
    this.schema = db.schema();
    if (!keys.fits(schema.keyType()) || !values.fits(schema.dataType())) {
      throw new LightDbException(
          ErrorCode.BAD_ARGUMENT,
          "codecs "
              + keys
              + "/"
              + values
              + " do not fit key type "
              + schema.keyType().libraryName()
              + " and data type "
              + schema.dataType().libraryName());
    }
  }

  public LightDb bytes() {
    return db;
  }

  public boolean add(K key, V data) {
    return db.add(key(key), data(data));
  }

  public boolean set(K key, V data) {
    return db.set(key(key), data(data));
  }

  public boolean change(K key, V data) {
    return db.change(key(key), data(data));
  }

  public boolean delete(K key) {
    return db.delete(key(key));
  }

  public Optional<V> read(K key) {
    return db.read(key(key)).map(values::decode);
  }

  /** Every record in key order. */
  public void forEachInOrder(BiConsumer<K, V> sink) {
    for (Optional<Record> r = db.minimum(); r.isPresent(); r = db.next()) {
      sink.accept(keys.decode(r.get().key()), values.decode(r.get().data()));
    }
  }

  public long recordCount() {
    return db.recordCount();
  }

  private byte[] key(K key) {
    return keys.encode(key, schema.keyElements(), "key");
  }

  private byte[] data(V data) {
    return values.encode(data, schema.dataElements(), "data");
  }

  @Override
  public void close() {
    db.close();
  }
}
