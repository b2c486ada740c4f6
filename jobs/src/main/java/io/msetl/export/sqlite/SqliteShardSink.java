package io.msetl.export.sqlite;

import io.msetl.export.ExportSample;
import io.msetl.export.ShardSink;
import io.msetl.export.ShardSpec;
import io.msetl.tables.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Writes one SQLite shard in a single transaction with the journal off (a half-written shard is
 * simply deleted, so there is nothing to roll back), then indexes, ANALYZE and VACUUM. Nothing
 * time-dependent is written, so the same samples give the same bytes.
 */
final class SqliteShardSink implements ShardSink {
  private static final int BATCH = 512;

  private final ShardSpec spec;
  private final Path file;
  private final Connection conn;
  private final ArrayCodec codec = new ArrayCodec();
  private final PreparedStatement compounds;
  private final PreparedStatement spectra;
  private final PreparedStatement structures;
  private final PreparedStatement splits;
  private final Map<String, Integer> structureIndex = new HashMap<>();
  private final List<StructField> compoundFields = SqliteShardSchema.fields(Tables.COMPOUNDS);
  private final List<StructField> spectrumFields = SqliteShardSchema.fields(Tables.SPECTRA);
  private final List<StructField> graphFields = SqliteShardSchema.fields(Tables.GRAPH_FEATURES);
  private final List<StructField> splitFields = SqliteShardSchema.fields(Tables.DATASET_SPLITS);
  private String lastCompound;
  private long nextSample;
  private long compoundCount;
  private int pending;
  private boolean finished;

  SqliteShardSink(ShardSpec spec, Path file) throws IOException {
    this.spec = spec;
    this.file = file;
    this.nextSample = spec.firstSample();
    Files.deleteIfExists(file);
    try {
      conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = conn.createStatement()) {
        st.execute("PRAGMA page_size = 4096");
        st.execute("PRAGMA journal_mode = OFF");
        st.execute("PRAGMA synchronous = OFF");
        st.execute("PRAGMA locking_mode = EXCLUSIVE");
      }
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        for (String ddl : SqliteShardSchema.createTables()) {
          st.execute(ddl);
        }
      }
      compounds =
          conn.prepareStatement(SqliteShardSchema.insert("compounds", compoundFields.size() + 1));
      spectra =
          conn.prepareStatement(SqliteShardSchema.insert("spectra", spectrumFields.size() + 3));
      structures =
          conn.prepareStatement(SqliteShardSchema.insert("structures", graphFields.size() + 1));
      splits =
          conn.prepareStatement(SqliteShardSchema.insert("dataset_splits", splitFields.size()));
    } catch (SQLException e) {
      throw new IOException("cannot create SQLite shard " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void add(long sampleIndex, ExportSample sample) throws IOException {
    if (sampleIndex != nextSample) {
      throw new IllegalStateException(
          "shard " + spec.baseName() + " expected sample " + nextSample + ", got " + sampleIndex);
    }
    try {
      Integer structure = structureIndex.get(sample.structureKey());
      if (structure == null) {
        structure = structureIndex.size();
        structureIndex.put(sample.structureKey(), structure);
        structures.setInt(1, structure);
        bindAll(structures, 2, sample.graph(), graphFields);
        structures.addBatch();
      }
      if (!sample.compoundId().equals(lastCompound)) {
        // Samples arrive sorted by compound id, so a compound's spectra are adjacent.
        bindAll(compounds, 1, sample.compound(), compoundFields);
        compounds.setInt(compoundFields.size() + 1, structure);
        compounds.addBatch();
        bindAll(splits, 1, sample.split(), splitFields);
        splits.addBatch();
        lastCompound = sample.compoundId();
        compoundCount++;
      }
      spectra.setLong(1, sampleIndex);
      spectra.setInt(2, structure);
      Row s = sample.spectrum();
      spectra.setInt(3, s.getList(s.fieldIndex("normalized_spectrum")).size());
      bindAll(spectra, 4, s, spectrumFields);
      spectra.addBatch();
      nextSample++;
      if (++pending >= BATCH) {
        flush();
      }
    } catch (SQLException e) {
      throw new IOException(
          "cannot write sample " + sampleIndex + " to " + file + ": " + e.getMessage(), e);
    }
  }

  private void bindAll(PreparedStatement ps, int first, Row row, List<StructField> fields)
      throws SQLException {
    for (int i = 0; i < fields.size(); i++) {
      SqliteColumns.bind(ps, first + i, row, fields.get(i), codec);
    }
  }

  private void flush() throws SQLException {
    structures.executeBatch();
    compounds.executeBatch();
    splits.executeBatch();
    spectra.executeBatch();
    pending = 0;
  }

  @Override
  public List<Path> finish() throws IOException {
    try {
      flush();
      writeMeta();
      try (Statement st = conn.createStatement()) {
        for (String ddl : SqliteShardSchema.createIndexesAndViews()) {
          st.execute(ddl);
        }
        st.execute("ANALYZE");
      }
      conn.commit();
      conn.setAutoCommit(true);
      try (Statement st = conn.createStatement()) {
        st.execute("VACUUM");
      }
      finished = true;
      close();
      return List.of(file);
    } catch (SQLException e) {
      throw new IOException("cannot finish SQLite shard " + file + ": " + e.getMessage(), e);
    }
  }

  private void writeMeta() throws SQLException {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "msetl-sqlite-shard");
    meta.put("format_version", Integer.toString(SqliteShardSchema.FORMAT_VERSION));
    meta.put("split", spec.split());
    meta.put("shard_index", Integer.toString(spec.shardIndex()));
    meta.put("shard_count", Integer.toString(spec.shardCount()));
    meta.put("sample_index_start", Long.toString(spec.firstSample()));
    meta.put("sample_count", Long.toString(nextSample - spec.firstSample()));
    meta.put("compound_count", Long.toString(compoundCount));
    meta.put("structure_count", Integer.toString(structureIndex.size()));
    meta.put("arrays", SqliteColumns.json(SqliteShardSchema.arrays()));
    meta.putAll(spec.meta());
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(meta).entrySet()) {
        ps.setString(1, e.getKey());
        ps.setString(2, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public void close() {
    codec.close();
    try {
      if (!conn.isClosed()) {
        conn.close();
      }
    } catch (SQLException e) {
      // Closing after a failure: the original error is what matters, and the file is deleted below.
    }
    if (!finished) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // The caller's temporary folder is removed as a whole anyway.
      }
    }
  }
}
