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
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Writes one LightDB shard: the payload ({@code .dat}) streams out as samples arrive; the index
 * records (17 int64 per sample) are kept in memory because the bulk loader needs the record count
 * up front, and are bulk-loaded at {@link #finish()}. The spectra file is then loaded from the
 * spectrum arrays already in the {@code .dat}, so no second copy of them is held.
 */
final class LightDbShardSink implements ShardSink {
  private final ShardSpec spec;
  private final Path index;
  private final Path payload;
  private final Path spectra;
  private final PayloadWriter dat;
  private final Map<String, long[]> structures = new HashMap<>();
  private long[] records = new long[IndexField.COUNT * 256];
  private int count;
  private long nextSample;
  private boolean finished;

  LightDbShardSink(ShardSpec spec, Path dir) throws IOException {
    this.spec = spec;
    this.index = dir.resolve(spec.baseName() + LightDbShardFormat.INDEX_SUFFIX);
    this.payload = dir.resolve(spec.baseName() + LightDbShardFormat.PAYLOAD_SUFFIX);
    this.spectra = dir.resolve(spec.baseName() + LightDbShardFormat.SPECTRA_SUFFIX);
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
      structure = new long[] {structures.size(), block[0], block[1]};
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
    Double precursor =
        s.isNullAt(s.fieldIndex("precursor_mz")) ? null : s.getDouble(s.fieldIndex("precursor_mz"));
    long[] block =
        dat.begin(
                16L * mz.size()
                    + 8
                    + 4L * spectrum.size()
                    + PayloadWriter.textBytes(sample.compoundId())
                    + PayloadWriter.textBytes(sample.structureKey()))
            .doubles(mz)
            .doubles(intensity)
            .putDouble(precursor == null ? Double.NaN : precursor)
            .floats(spectrum)
            .text(sample.compoundId())
            .text(sample.structureKey())
            .end();

    Row c = sample.compound();
    long[] r = new long[IndexField.COUNT];
    r[IndexField.SAMPLE_OFFSET.ordinal()] = block[0];
    r[IndexField.SAMPLE_LENGTH.ordinal()] = block[1];
    r[IndexField.STRUCTURE_INDEX.ordinal()] = structure[0];
    r[IndexField.GRAPH_OFFSET.ordinal()] = structure[1];
    r[IndexField.GRAPH_LENGTH.ordinal()] = structure[2];
    r[IndexField.NUM_BINS.ordinal()] = spectrum.size();
    r[IndexField.NUM_PEAKS.ordinal()] = mz.size();
    r[IndexField.NUM_ATOMS.ordinal()] = g.<Integer>getAs("num_atoms");
    r[IndexField.NUM_EDGES.ordinal()] = g.<Integer>getAs("num_edges");
    r[IndexField.NODE_FEATURE_WIDTH.ordinal()] = g.<Integer>getAs("node_feature_width");
    r[IndexField.EDGE_FEATURE_WIDTH.ordinal()] = g.<Integer>getAs("edge_feature_width");
    r[IndexField.FLAGS.ordinal()] = g.isNullAt(g.fieldIndex("coords")) ? 0 : IndexField.FLAG_COORDS;
    r[IndexField.HEAVY_ATOMS.ordinal()] = nullableInt(c, "heavy_atoms");
    r[IndexField.FORMAL_CHARGE.ordinal()] = nullableInt(c, "formal_charge");
    r[IndexField.PRECURSOR_MZ_MICRO.ordinal()] =
        precursor == null || !Double.isFinite(precursor)
            ? IndexField.NULL
            : Math.round(precursor * 1e6);
    r[IndexField.CONFORMER_STATUS.ordinal()] =
        IndexField.conformerCode(g.getAs("conformer_status"));
    append(r);
    nextSample++;
  }

  private long[] writeGraph(Row g) throws IOException {
    List<Object> x = g.getList(g.fieldIndex("node_features"));
    List<Object> edges = g.getList(g.fieldIndex("edge_index"));
    List<Object> attr = g.getList(g.fieldIndex("edge_attr"));
    List<Object> coords =
        g.isNullAt(g.fieldIndex("coords")) ? List.of() : g.getList(g.fieldIndex("coords"));
    String status = g.getAs("conformer_status");
    return dat.begin(
            8L * edges.size()
                + 4L * (x.size() + attr.size() + coords.size())
                + PayloadWriter.textBytes(status))
        .longs(edges)
        .floats(x)
        .floats(attr)
        .floats(coords)
        .text(status)
        .end();
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

  private long field(int sample, IndexField f) {
    return records[sample * IndexField.COUNT + f.ordinal()];
  }

  @Override
  public List<Path> finish() throws IOException {
    dat.close();
    Integer bins = uniformBins();
    Schema spectraSchema = bins == null ? null : LightDbShardFormat.spectraSchemaIfFits(bins);
    writeIndex(spectraSchema != null);
    List<Path> files = new ArrayList<>(List.of(index, payload));
    if (spectraSchema != null) {
      writeSpectra(spectraSchema, bins);
      files.add(spectra);
    }
    finished = true;
    return files;
  }

  /** The shard's one spectrum length, or null when it is empty or lengths differ. */
  private Integer uniformBins() {
    if (count == 0) {
      return null;
    }
    long bins = field(0, IndexField.NUM_BINS);
    for (int i = 1; i < count; i++) {
      if (field(i, IndexField.NUM_BINS) != bins) {
        return null;
      }
    }
    return bins > 0 ? (int) bins : null;
  }

  private void writeIndex(boolean withSpectra) throws IOException {
    Schema schema = IndexField.schema();
    Map<String, Object> summary = UserArea.common(UserArea.INDEX_FORMAT, spec, count);
    summary.put("structure_count", structures.size());
    summary.put("fields", IndexField.names());
    summary.put("null", IndexField.NULL);
    summary.put("payload", payload.getFileName().toString());
    summary.put("payload_bytes", dat.position());
    summary.put("spectra", withSpectra ? spectra.getFileName().toString() : null);
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

  private void writeSpectra(Schema schema, int bins) throws IOException {
    Map<String, Object> summary = UserArea.common(UserArea.SPECTRA_FORMAT, spec, count);
    summary.put("num_bins", bins);
    summary.put("index", index.getFileName().toString());
    byte[] area = UserArea.encode(summary, schema.userAreaByteSize());
    ByteBuffer vector = ByteBuffer.allocate(bins * 4);
    try (FileChannel in = FileChannel.open(payload);
        BulkLoader loader =
            BulkLoader.create(spectra, schema, count, LightDbOptions.defaults(), area)) {
      for (int i = 0; i < count; i++) {
        // The spectrum follows mz and intensity (8 bytes each per peak) and precursor_mz (8 bytes).
        long at = field(i, IndexField.SAMPLE_OFFSET) + 16 * field(i, IndexField.NUM_PEAKS) + 8;
        vector.clear();
        while (vector.hasRemaining()) {
          if (in.read(vector, at + vector.position()) < 0) {
            throw new IOException(
                payload + " ends inside the spectrum of sample " + (spec.firstSample() + i));
          }
        }
        loader.add(spec.firstSample() + i, vector.array());
      }
    }
  }

  @Override
  public void close() {
    try {
      dat.close();
    } catch (IOException e) {
      // Closing after a failure: the original error is what matters, and the files are deleted
      // below.
    }
    if (!finished) {
      for (Path p : List.of(index, payload, spectra)) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // The caller's temporary folder is removed as a whole anyway.
        }
      }
    }
  }
}
