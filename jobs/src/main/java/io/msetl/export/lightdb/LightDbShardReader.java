package io.msetl.export.lightdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.msetl.export.sqlite.ShardSample;
import io.msetl.lightdb.Elements;
import io.msetl.lightdb.LightDb;
import io.msetl.lightdb.Record;
import io.msetl.lightdb.VerifyReport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a LightDB shard (index {@code .ldb} + {@code .dat}) through the Java LightDB library; used
 * by verify and tests.
 */
public final class LightDbShardReader implements AutoCloseable {
  private final LightDb index;
  private final FileChannel payload;
  private final JsonNode summary;

  public LightDbShardReader(Path indexFile, Path payloadFile) throws IOException {
    this.index = LightDb.openReadOnly(indexFile);
    try {
      this.summary = UserArea.decode(index.readUserArea());
      this.payload = FileChannel.open(payloadFile);
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /** The index file's user-area JSON. */
  public JsonNode summary() {
    return summary;
  }

  public LightDb index() {
    return index;
  }

  public long payloadBytes() throws IOException {
    return payload.size();
  }

  /**
   * The index record's fields (see {@link IndexField}), or empty when the shard does not hold the
   * sample.
   */
  public Optional<long[]> fields(long sampleIndex) {
    return index.read(Elements.longs(sampleIndex)).map(Elements::toLongs);
  }

  /** The sample with this index, or null when the shard does not hold it. */
  public ShardSample sample(long sampleIndex) throws IOException {
    Optional<long[]> f = fields(sampleIndex);
    return f.isEmpty() ? null : decode(sampleIndex, f.get());
  }

  /** Every sample, in key order. */
  public List<ShardSample> all() throws IOException {
    List<ShardSample> out = new ArrayList<>();
    Optional<Record> r = index.minimum();
    while (r.isPresent()) {
      long key = Elements.toLongs(r.get().key())[0];
      out.add(decode(key, Elements.toLongs(r.get().data())));
      r = index.next();
    }
    return out;
  }

  public VerifyReport verify() {
    return index.verify();
  }

  private ShardSample decode(long key, long[] f) throws IOException {
    if (f.length != IndexField.COUNT
        || IndexField.recordCrc(key, f) != f[IndexField.RECORD_CRC.ordinal()]) {
      throw new IOException("index record of sample " + key + " fails its CRC");
    }
    ByteBuffer s =
        block(
            key,
            "sample",
            f[IndexField.SAMPLE_OFFSET.ordinal()],
            f[IndexField.SAMPLE_LENGTH.ordinal()],
            f[IndexField.SAMPLE_CRC.ordinal()]);
    ByteBuffer g =
        block(
            key,
            "structure",
            f[IndexField.GRAPH_OFFSET.ordinal()],
            f[IndexField.GRAPH_LENGTH.ordinal()],
            f[IndexField.GRAPH_CRC.ordinal()]);
    int nonzero = (int) f[IndexField.SPECTRUM_NONZERO.ordinal()];
    int[] bins = new int[nonzero];
    s.asIntBuffer().get(bins);
    s.position(4 * nonzero);
    float[] values = floats(s, nonzero);
    float[] spectrum = new float[(int) f[IndexField.NUM_BINS.ordinal()]];
    for (int i = 0; i < nonzero; i++) {
      spectrum[bins[i]] = values[i];
    }
    double precursor = s.getDouble();
    List<String> texts = SampleTexts.decode(text(s));
    int atoms = (int) f[IndexField.NUM_ATOMS.ordinal()];
    int edges = (int) f[IndexField.NUM_EDGES.ordinal()];
    int nodeWidth = (int) f[IndexField.NODE_FEATURE_WIDTH.ordinal()];
    int edgeWidth = (int) f[IndexField.EDGE_FEATURE_WIDTH.ordinal()];
    ByteBuffer raw = inflate(key, g);
    long[] edgeIndex = new long[2 * edges];
    raw.asLongBuffer().get(edgeIndex);
    raw.position(16 * edges);
    float[] x = floats(raw, atoms * nodeWidth);
    float[] attr = floats(raw, edges * edgeWidth);
    float[] coords =
        (f[IndexField.FLAGS.ordinal()] & IndexField.FLAG_COORDS) != 0
            ? floats(raw, atoms * 3)
            : null;
    String status = text(raw);
    return new ShardSample(
        key,
        texts.get(0),
        texts.get(1),
        summary.path("split").asText(),
        spectrum,
        atoms,
        nodeWidth,
        x,
        edges,
        edgeIndex,
        edgeWidth,
        attr,
        coords,
        status,
        new ShardSample.Conditions(
            Double.isNaN(precursor) ? null : precursor,
            texts.get(4),
            texts.get(5),
            texts.get(3),
            texts.get(7),
            texts.get(2),
            texts.get(6)));
  }

  private static ByteBuffer inflate(long key, ByteBuffer packed) throws IOException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(packed.array(), 0, packed.limit());
      byte[] out = new byte[Math.max(1024, packed.limit() * 8)];
      int n = 0;
      while (!inflater.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        int got = inflater.inflate(out, n, out.length - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IOException(
              "structure block of sample " + key + " ends inside its zlib stream");
        }
        n += got;
      }
      return ByteBuffer.wrap(out, 0, n).slice().order(ByteOrder.LITTLE_ENDIAN);
    } catch (DataFormatException e) {
      throw new IOException(
          "structure block of sample " + key + " is not zlib: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  private ByteBuffer block(long key, String what, long offset, long length, long crc)
      throws IOException {
    if (offset < 0
        || length < 0
        || length > Integer.MAX_VALUE
        || offset + length > payload.size()) {
      throw new IOException(
          "payload block "
              + offset
              + "+"
              + length
              + " lies outside the "
              + payload.size()
              + "-byte .dat file");
    }
    ByteBuffer b = ByteBuffer.allocate((int) length);
    while (b.hasRemaining()) {
      if (payload.read(b, offset + b.position()) < 0) {
        throw new IOException("payload ends early");
      }
    }
    CRC32 c = new CRC32();
    c.update(b.array(), 0, b.position());
    if (c.getValue() != crc) {
      throw new IOException(
          what + " block of sample " + key + " at byte " + offset + " fails its CRC (damaged)");
    }
    return b.flip().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static float[] floats(ByteBuffer b, int n) {
    float[] out = new float[n];
    b.asFloatBuffer().get(out);
    b.position(b.position() + 4 * n);
    return out;
  }

  private static String text(ByteBuffer b) {
    int n = b.getInt();
    String s = new String(b.array(), b.arrayOffset() + b.position(), n, StandardCharsets.UTF_8);
    b.position(b.position() + n);
    return s;
  }

  @Override
  public void close() throws IOException {
    try {
      index.close();
    } finally {
      payload.close();
    }
  }
}
