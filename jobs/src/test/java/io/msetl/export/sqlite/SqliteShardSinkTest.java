package io.msetl.export.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.export.ExportSample;
import io.msetl.export.Fixture;
import io.msetl.export.ShardSink;
import io.msetl.export.ShardSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteShardSinkTest {
  private static final String ORIGINAL_QUERY =
      "SELECT c.*, s.normalized_spectrum, g.node_features, g.edge_index, "
          + "g.edge_attr FROM compounds c JOIN spectra s ON c.id = s.compound_id JOIN graph_features g "
          + "ON c.id = g.compound_id WHERE c.id = ?";

  @TempDir Path dir;
  private final Fixture fixture = new Fixture(20, 6, 0);

  private Path write(Path folder, List<ExportSample> samples, long first) throws Exception {
    Files.createDirectories(folder);
    ShardSpec spec =
        new ShardSpec("train", 1, 3, first, Map.of("feature_schema", "{\"version\":\"fs1\"}"));
    try (ShardSink sink = new SqliteShardFormat().open(spec, folder)) {
      long i = first;
      for (ExportSample s : samples) {
        sink.add(i++, s);
      }
      List<Path> files = sink.finish();
      assertEquals(1, files.size());
      return files.get(0);
    }
  }

  @Test
  void theOriginalTrainingQueryReturnsTheCompoundWithItsSpectrumAndGraphArrays() throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    Path file = write(dir, samples, 100);
    assertEquals("train-00001-of-00003.sqlite", file.getFileName().toString());
    ExportSample third = samples.get(2);
    try (SqliteShardReader r = new SqliteShardReader(file);
        PreparedStatement ps = r.connection().prepareStatement(ORIGINAL_QUERY)) {
      ps.setString(1, third.compoundId());
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(third.compoundId(), rs.getString("id"));
        assertEquals(
            third.compound().<String>getAs("canonical_smiles"), rs.getString("canonical_smiles"));
        assertArrayEquals(
            floats(third.spectrum().getList(third.spectrum().fieldIndex("normalized_spectrum"))),
            ArrayCodec.decodeFloats(rs.getBytes("normalized_spectrum")));
        assertArrayEquals(
            floats(third.graph().getList(third.graph().fieldIndex("node_features"))),
            ArrayCodec.decodeFloats(rs.getBytes("node_features")));
        assertArrayEquals(
            longs(third.graph().getList(third.graph().fieldIndex("edge_index"))),
            ArrayCodec.decodeLongs(rs.getBytes("edge_index")));
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void samplesGetContiguousIndexesFromTheShardStartAndDecodeWithTheirShapes() throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    Path file = write(dir, samples, 100);
    try (SqliteShardReader r = new SqliteShardReader(file)) {
      List<ShardSample> all = r.all();
      assertEquals(samples.size(), all.size());
      for (int i = 0; i < all.size(); i++) {
        ShardSample s = all.get(i);
        ExportSample e = samples.get(i);
        assertEquals(100 + i, s.sampleIndex());
        assertEquals(e.compoundId(), s.compoundId());
        assertEquals(Fixture.BINS, s.spectrum().length);
        assertEquals(s.numAtoms() * s.nodeFeatureWidth(), s.nodeFeatures().length);
        assertEquals(2 * s.numEdges(), s.edgeIndex().length);
        assertEquals(s.numEdges() * s.edgeFeatureWidth(), s.edgeAttr().length);
        if (s.conformerStatus().equals("FAILED")) {
          assertNull(s.coords());
        } else {
          assertEquals(s.numAtoms() * 3, s.coords().length);
        }
      }
    }
  }

  @Test
  void aStructureSharedByCompoundsIsStoredOnceAndServedToEachThroughTheView() throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    Path file = write(dir, samples, 0);
    long distinct = samples.stream().map(ExportSample::structureKey).distinct().count();
    try (SqliteShardReader r = new SqliteShardReader(file)) {
      assertTrue(distinct < samples.size(), "fixture shares structures");
      assertEquals(distinct, r.scalar("SELECT count(*) FROM structures"));
      assertEquals(samples.size(), r.scalar("SELECT count(*) FROM graph_features"));
      assertEquals(samples.size(), r.scalar("SELECT count(*) FROM compounds"));
      assertEquals(
          samples.size(), r.scalar("SELECT count(*) FROM dataset_splits WHERE split = 'train'"));
    }
  }

  @Test
  void metaDescribesCountsDtypesShapesAndCarriesTheExportMetadata() throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    Path file = write(dir, samples, 100);
    try (SqliteShardReader r = new SqliteShardReader(file)) {
      Map<String, String> meta = r.meta();
      assertEquals("msetl-sqlite-shard", meta.get("format"));
      assertEquals("100", meta.get("sample_index_start"));
      assertEquals(Integer.toString(samples.size()), meta.get("sample_count"));
      assertEquals("1", meta.get("shard_index"));
      assertEquals("{\"version\":\"fs1\"}", meta.get("feature_schema"));
      String arrays = meta.get("arrays");
      assertTrue(
          arrays.contains(
              "\"structures.edge_index\":{\"dtype\":\"<i8\",\"shape\":[2,\"num_edges\"]"),
          arrays);
      assertTrue(
          arrays.contains(
              "\"spectra.normalized_spectrum\":{\"dtype\":\"<f4\",\"shape\":[\"num_bins\"]"),
          arrays);
    }
  }

  @Test
  void theSameSamplesGiveByteIdenticalFiles() throws Exception {
    List<ExportSample> samples = fixture.samples("val");
    byte[] a = Files.readAllBytes(write(dir.resolve("a"), samples, 0));
    byte[] b = Files.readAllBytes(write(dir.resolve("b"), samples, 0));
    assertArrayEquals(a, b);
  }

  @Test
  void aSampleOutOfIndexOrderFailsTheShardAndLeavesNoFile() throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    ShardSpec spec = new ShardSpec("train", 0, 1, 0, Map.of());
    ShardSink sink = new SqliteShardFormat().open(spec, dir);
    sink.add(0, samples.get(0));
    assertThrows(IllegalStateException.class, () -> sink.add(5, samples.get(1)));
    sink.close();
    assertFalse(Files.exists(dir.resolve("train-00000-of-00001.sqlite")));
  }

  private static float[] floats(List<Object> l) {
    float[] out = new float[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) l.get(i)).floatValue();
    }
    return out;
  }

  private static long[] longs(List<Object> l) {
    return new ArrayList<>(l).stream().mapToLong(o -> ((Number) o).longValue()).toArray();
  }
}
