package io.msetl.export.lightdb;

import io.msetl.export.ExportSample;
import io.msetl.export.ShardSink;
import io.msetl.export.ShardSpec;
import io.msetl.lightdb.BulkLoader;
import io.msetl.lightdb.Elements;
import io.msetl.lightdb.LightDbOptions;
import io.msetl.lightdb.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Writes one LightDB shard (format 2): the payload ({@code .dat}) streams out as samples arrive,
 * each sample block holding its spectrum's non-zero bins, texts and zlib-compressed peaks, each
 * structure one zlib block written once per shard; the index records (21 int64 per sample, CRCs
 * included) are kept in memory because the bulk loader needs the record count up front, and are
 * bulk-loaded at {@link #finish()}.
 */
final class LightDbShardSink implements ShardSink {
  private final ShardSpec spec;
  private final Path index;
  private final Path payload;
  private final PayloadWriter dat;
  private final Zlib zlib = new Zlib();
  private int[] bins = new int[0];
  private float[] values = new float[0];
  private final Map<String, long[]> structures = new HashMap<>();
  private long[] records = new long[IndexField.COUNT * 256];
  private int count;
  private long nextSample;
  private boolean finished;

  LightDbShardSink(ShardSpec spec, Path dir) throws IOException {
    this.spec = spec;
    this.index = dir.resolve(spec.baseName() + LightDbShardFormat.INDEX_SUFFIX);
    this.payload = dir.resolve(spec.baseName() + LightDbShardFormat.PAYLOAD_SUFFIX);
    this.nextSample = spec.firstSample();
    this.dat = new PayloadWriter(payload);
  }

  @Override
  public void add(long sampleIndex, ExportSample sample) throws IOException {
    if (sampleIndex != nextSample) {
      throw new IllegalStateException(
          "shard " + spec.baseName() + " expected sample " + nextSample + ", got " + sampleIndex);
    }
    Row g = sample.graph();
    long[] structure = structures.get(sample.structureKey());
    if (structure == null) {
      long[] block = writeGraph(g);
      structure = new long[] {structures.size(), block[0], block[1], block[2]};
      structures.put(sample.structureKey(), structure);
    }
    Row s = sample.spectrum();
    List<Object> mz = s.getList(s.fieldIndex("mz"));
    List<Object> intensity = s.getList(s.fieldIndex("intensity"));
    List<Object> spectrum = s.getList(s.fieldIndex("normalized_spectrum"));
    if (mz.size() != intensity.size()) {
      throw new IOException(
          "sample "
              + sampleIndex
              + " ("
              + sample.compoundId()
              + ") has "
              + mz.size()
              + " m/z values but "
              + intensity.size()
              + " intensities");
    }
    int nonzero = sparse(spectrum);
    Double precursor =
        s.isNullAt(s.fieldIndex("precursor_mz")) ? null : s.getDouble(s.fieldIndex("precursor_mz"));
    byte[] texts = SampleTexts.encode(sampleIndex, sample);
    ByteBuffer peaks = zlib.buffer(16L * mz.size());
    mz.forEach(v -> peaks.putDouble(((Number) v).doubleValue()));
    intensity.forEach(v -> peaks.putDouble(((Number) v).doubleValue()));
    byte[] packedPeaks = zlib.deflate(peaks);
    long[] block =
        dat.begin(8L * nonzero + 8 + 4 + texts.length + 4 + packedPeaks.length)
            .ints(bins, nonzero)
            .floats(values, nonzero)
            .putDouble(precursor == null ? Double.NaN : precursor)
            .sized(texts)
            .sized(packedPeaks)
            .end();

    Row c = sample.compound();
    long[] r = new long[IndexField.COUNT];
    r[IndexField.SAMPLE_OFFSET.ordinal()] = block[0];
    r[IndexField.SAMPLE_LENGTH.ordinal()] = block[1];
    r[IndexField.SAMPLE_CRC.ordinal()] = block[2];
    r[IndexField.STRUCTURE_INDEX.ordinal()] = structure[0];
    r[IndexField.GRAPH_OFFSET.ordinal()] = structure[1];
    r[IndexField.GRAPH_LENGTH.ordinal()] = structure[2];
    r[IndexField.GRAPH_CRC.ordinal()] = structure[3];
    r[IndexField.NUM_BINS.ordinal()] = spectrum.size();
    r[IndexField.SPECTRUM_NONZERO.ordinal()] = nonzero;
    r[IndexField.NUM_PEAKS.ordinal()] = mz.size();
    r[IndexField.NUM_ATOMS.ordinal()] = g.<Integer>getAs("num_atoms");
    r[IndexField.NUM_EDGES.ordinal()] = g.<Integer>getAs("num_edges");
    r[IndexField.NODE_FEATURE_WIDTH.ordinal()] = g.<Integer>getAs("node_feature_width");
    r[IndexField.EDGE_FEATURE_WIDTH.ordinal()] = g.<Integer>getAs("edge_feature_width");
    r[IndexField.FLAGS.ordinal()] =
        IndexField.FLAG_GRAPH_ZLIB
            | (g.isNullAt(g.fieldIndex("coords")) ? 0 : IndexField.FLAG_COORDS);
    r[IndexField.HEAVY_ATOMS.ordinal()] = nullableInt(c, "heavy_atoms");
    r[IndexField.FORMAL_CHARGE.ordinal()] = nullableInt(c, "formal_charge");
    r[IndexField.PRECURSOR_MZ_MICRO.ordinal()] =
        precursor == null || !Double.isFinite(precursor)
            ? IndexField.NULL
            : Math.round(precursor * 1e6);
    r[IndexField.CONFORMER_STATUS.ordinal()] =
        IndexField.conformerCode(g.getAs("conformer_status"));
    r[IndexField.RECORD_CRC.ordinal()] = IndexField.recordCrc(sampleIndex, r);
    append(r);
    nextSample++;
  }

  /** Fills {@code bins}/{@code values} with the non-zero bins of the spectrum; returns how many. */
  private int sparse(List<Object> spectrum) {
    if (bins.length < spectrum.size()) {
      bins = new int[spectrum.size()];
      values = new float[spectrum.size()];
    }
    int n = 0;
    for (int i = 0; i < spectrum.size(); i++) {
      float v = ((Number) spectrum.get(i)).floatValue();
      // Bit pattern, not value: -0.0 and NaN are kept, so densifying gives back the same floats.
      if (Float.floatToRawIntBits(v) != 0) {
        bins[n] = i;
        values[n++] = v;
      }
    }
    return n;
  }

  /** One zlib stream: edge_index int64, node_features, edge_attr, coords, conformer_status. */
  private long[] writeGraph(Row g) throws IOException {
    List<Object> x = g.getList(g.fieldIndex("node_features"));
    List<Object> edges = g.getList(g.fieldIndex("edge_index"));
    List<Object> attr = g.getList(g.fieldIndex("edge_attr"));
    List<Object> coords =
        g.isNullAt(g.fieldIndex("coords")) ? List.of() : g.getList(g.fieldIndex("coords"));
    byte[] status = g.<String>getAs("conformer_status").getBytes(StandardCharsets.UTF_8);
    ByteBuffer raw =
        zlib.buffer(
            8L * edges.size() + 4L * (x.size() + attr.size() + coords.size()) + 4 + status.length);
    edges.forEach(v -> raw.putLong(((Number) v).longValue()));
    x.forEach(v -> raw.putFloat(((Number) v).floatValue()));
    attr.forEach(v -> raw.putFloat(((Number) v).floatValue()));
    coords.forEach(v -> raw.putFloat(((Number) v).floatValue()));
    raw.putInt(status.length).put(status);
    byte[] packed = zlib.deflate(raw);
    return dat.begin(packed.length).bytes(packed).end();
  }

  private static long nullableInt(Row r, String column) {
    int i = r.fieldIndex(column);
    return r.isNullAt(i) ? IndexField.NULL : r.getInt(i);
  }

  private void append(long[] r) {
    if ((count + 1) * IndexField.COUNT > records.length) {
      records = Arrays.copyOf(records, records.length * 2);
    }
    System.arraycopy(r, 0, records, count * IndexField.COUNT, IndexField.COUNT);
    count++;
  }

  @Override
  public List<Path> finish() throws IOException {
    dat.close();
    zlib.close();
    writeIndex();
    finished = true;
    return List.of(index, payload);
  }

  private void writeIndex() throws IOException {
    Schema schema = IndexField.schema();
    Map<String, Object> summary = UserArea.common(UserArea.INDEX_FORMAT, spec, count);
    summary.put("structure_count", structures.size());
    summary.put("fields", IndexField.names());
    summary.put("texts", SampleTexts.NAMES);
    summary.put("null", IndexField.NULL);
    summary.put("payload", payload.getFileName().toString());
    summary.put("payload_bytes", dat.position());
    byte[] area = UserArea.encode(summary, schema.userAreaByteSize());
    try (BulkLoader loader =
        BulkLoader.create(index, schema, count, LightDbOptions.defaults(), area)) {
      for (int i = 0; i < count; i++) {
        loader.add(
            spec.firstSample() + i,
            Elements.longs(
                Arrays.copyOfRange(records, i * IndexField.COUNT, (i + 1) * IndexField.COUNT)));
      }
    }
  }

  @Override
  public void close() {
    zlib.close();
    try {
      dat.close();
    } catch (IOException e) {
      // Closing after a failure: the original error is what matters, and the files are deleted
      // below.
    }
    if (!finished) {
      for (Path p : List.of(index, payload)) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // The caller's temporary folder is removed as a whole anyway.
        }
      }
    }
  }
}
