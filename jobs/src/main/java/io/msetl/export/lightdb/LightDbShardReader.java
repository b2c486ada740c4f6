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
import java.util.List;
import java.util.Optional;

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
    ByteBuffer s =
        block(f[IndexField.SAMPLE_OFFSET.ordinal()], f[IndexField.SAMPLE_LENGTH.ordinal()]);
    ByteBuffer g =
        block(f[IndexField.GRAPH_OFFSET.ordinal()], f[IndexField.GRAPH_LENGTH.ordinal()]);
    int peaks = (int) f[IndexField.NUM_PEAKS.ordinal()];
    s.position(16 * peaks + 8);
    float[] spectrum = floats(s, (int) f[IndexField.NUM_BINS.ordinal()]);
    String compoundId = text(s);
    String structureKey = text(s);
    int atoms = (int) f[IndexField.NUM_ATOMS.ordinal()];
    int edges = (int) f[IndexField.NUM_EDGES.ordinal()];
    int nodeWidth = (int) f[IndexField.NODE_FEATURE_WIDTH.ordinal()];
    int edgeWidth = (int) f[IndexField.EDGE_FEATURE_WIDTH.ordinal()];
    long[] edgeIndex = new long[2 * edges];
    g.asLongBuffer().get(edgeIndex);
    g.position(16 * edges);
    float[] x = floats(g, atoms * nodeWidth);
    float[] attr = floats(g, edges * edgeWidth);
    float[] coords =
        (f[IndexField.FLAGS.ordinal()] & IndexField.FLAG_COORDS) != 0 ? floats(g, atoms * 3) : null;
    String status = text(g);
    return new ShardSample(
        key,
        compoundId,
        structureKey,
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
        status);
  }

  private ByteBuffer block(long offset, long length) throws IOException {
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
