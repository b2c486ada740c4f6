package io.msetl.export.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Reads a SQLite shard read-only (used by verify and by tests; Python readers do the same). */
public final class SqliteShardReader implements AutoCloseable {
  private static final String SAMPLE_SQL =
      "SELECT s.sample_index, s.compound_id, g.structure_key, c.split, "
          + "s.normalized_spectrum, g.num_atoms, g.node_feature_width, g.node_features, g.num_edges, g.edge_index, "
          + "g.edge_feature_width, g.edge_attr, g.coords, g.conformer_status, "
          + "s.precursor_mz, s.precursor_type, s.collision_energy, s.ion_mode, s.instrument_type, "
          + "s.spectrum_type, s.instrument "
          + "FROM spectra s JOIN structures g ON g.structure_index = s.structure_index "
          + "JOIN compounds c ON c.id = s.compound_id WHERE s.sample_index = ?";

  private final Connection conn;

  public SqliteShardReader(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    conn = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  public Connection connection() {
    return conn;
  }

  public Map<String, String> meta() throws SQLException {
    Map<String, String> m = new LinkedHashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT key, value FROM meta ORDER BY key")) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getString(2));
      }
    }
    return m;
  }

  /** The sample with this index, or null when the shard does not hold it. */
  public ShardSample sample(long sampleIndex) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(SAMPLE_SQL)) {
      ps.setLong(1, sampleIndex);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        byte[] coords = rs.getBytes(13);
        return new ShardSample(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            ArrayCodec.decodeFloats(rs.getBytes(5)),
            rs.getInt(6),
            rs.getInt(7),
            ArrayCodec.decodeFloats(rs.getBytes(8)),
            rs.getInt(9),
            ArrayCodec.decodeLongs(rs.getBytes(10)),
            rs.getInt(11),
            ArrayCodec.decodeFloats(rs.getBytes(12)),
            coords == null ? null : ArrayCodec.decodeFloats(coords),
            rs.getString(14),
            new ShardSample.Conditions(
                rs.getObject(15) == null ? null : rs.getDouble(15),
                rs.getString(16),
                rs.getString(17),
                rs.getString(18),
                rs.getString(19),
                rs.getString(20),
                rs.getString(21)));
      }
    }
  }

  /** Every sample, in sample-index order. */
  public List<ShardSample> all() throws SQLException {
    List<Long> indexes = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT sample_index FROM spectra ORDER BY sample_index")) {
      while (rs.next()) {
        indexes.add(rs.getLong(1));
      }
    }
    List<ShardSample> out = new ArrayList<>();
    for (long i : indexes) {
      out.add(sample(i));
    }
    return out;
  }

  /** One long per row of a query with one numeric column (counts, checks). */
  public long scalar(String sql) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }
}
