package io.msetl.export.lightdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.msetl.export.ExportSample;
import io.msetl.export.Fixture;
import io.msetl.export.ShardSink;
import io.msetl.export.ShardSpec;
import io.msetl.export.sqlite.ShardSample;
import io.msetl.lightdb.ElementType;
import io.msetl.lightdb.Elements;
import io.msetl.lightdb.LightDb;
import io.msetl.lightdb.Schema;
import io.msetl.lightdb.VerifyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LightDbShardSinkTest {
  @TempDir Path dir;
  private final Fixture fixture = new Fixture(20, 6, 0);

  private List<Path> write(Path folder, List<ExportSample> samples, long first) throws Exception {
    Files.createDirectories(folder);
    ShardSpec spec =
        new ShardSpec(
            "train",
            1,
            3,
            first,
            Map.of(
                "feature_schema",
                "{\"feature_schema_version\":\"fs1\",\"atoms\":[\"z\"]}",
                "config_hash",
                "abc"));
    try (ShardSink sink = new LightDbShardFormat().open(spec, folder)) {
      long i = first;
      for (ExportSample s : samples) {
        sink.add(i++, s);
      }
      return sink.finish();
    }
  }

  @Test
  void aShardIsAnIndexAndAPayloadNamedAfterTheShard() throws Exception {
    List<Path> files = write(dir, fixture.samples("train"), 100);
    assertEquals(
        List.of("train-00001-of-00003.ldb", "train-00001-of-00003.dat"),
        files.stream().map(p -> p.getFileName().toString()).toList());
    assertEquals(
        List.of("index", "payload"),
        files.stream().map(p -> LightDbShardFormat.role(p.getFileName().toString())).toList());
  }

  @Test
  void everySampleReadsBackEqualThroughTheJavaLightDbApiUnderItsSampleIndex() throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    List<Path> files = write(dir, samples, 100);
    try (LightDbShardReader r = new LightDbShardReader(files.get(0), files.get(1))) {
      List<ShardSample> all = r.all();
      assertEquals(samples.size(), all.size());
      for (int i = 0; i < all.size(); i++) {
        ShardSample s = all.get(i);
        ExportSample e = samples.get(i);
        Row g = e.graph();
        assertEquals(100 + i, s.sampleIndex());
        assertEquals(e.compoundId(), s.compoundId());
        assertEquals(e.structureKey(), s.structureKey());
        assertEquals("train", s.split());
        assertArrayEquals(floats(e.spectrum(), "normalized_spectrum"), s.spectrum());
        assertArrayEquals(floats(g, "node_features"), s.nodeFeatures());
        assertArrayEquals(floats(g, "edge_attr"), s.edgeAttr());
        assertArrayEquals(
            g.getList(g.fieldIndex("edge_index")).stream()
                .mapToLong(o -> ((Number) o).longValue())
                .toArray(),
            s.edgeIndex());
        assertEquals(g.<Integer>getAs("num_atoms"), s.numAtoms());
        assertEquals(g.<String>getAs("conformer_status"), s.conformerStatus());
        assertTrue(ShardSample.Conditions.of(e.spectrum()).sameAs(s.conditions()), s.toString());
        if (g.isNullAt(g.fieldIndex("coords"))) {
          assertNull(s.coords());
        } else {
          assertArrayEquals(floats(g, "coords"), s.coords());
        }
      }
      assertNull(r.sample(99));
      assertEquals(samples.get(3).compoundId(), r.sample(103).compoundId());
    }
  }

  @Test
  void theIndexRecordCarriesTheFilterFieldsAndSharedStructuresPointAtOneGraphBlock()
      throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    List<Path> files = write(dir, samples, 0);
    try (LightDbShardReader r = new LightDbShardReader(files.get(0), files.get(1))) {
      Map<String, Long> graphOffsetByKey = new java.util.HashMap<>();
      for (int i = 0; i < samples.size(); i++) {
        long[] f = r.fields(i).orElseThrow();
        ExportSample e = samples.get(i);
        assertEquals(Fixture.BINS, f[IndexField.NUM_BINS.ordinal()]);
        assertEquals(3, f[IndexField.NUM_PEAKS.ordinal()]);
        Row sp = e.spectrum();
        assertEquals(
            sp.isNullAt(sp.fieldIndex("precursor_mz"))
                ? IndexField.NULL
                : Math.round(sp.getDouble(sp.fieldIndex("precursor_mz")) * 1e6),
            f[IndexField.PRECURSOR_MZ_MICRO.ordinal()]);
        float[] spectrum = floats(sp, "normalized_spectrum");
        long nonzero = 0;
        for (float v : spectrum) {
          nonzero += v != 0 ? 1 : 0;
        }
        assertEquals(nonzero, f[IndexField.SPECTRUM_NONZERO.ordinal()]);
        assertEquals(IndexField.recordCrc(i, f), f[IndexField.RECORD_CRC.ordinal()]);
        assertEquals(
            IndexField.conformerCode(e.graph().getAs("conformer_status")),
            f[IndexField.CONFORMER_STATUS.ordinal()]);
        assertEquals(0, f[IndexField.SAMPLE_OFFSET.ordinal()] % 8);
        Long seen =
            graphOffsetByKey.putIfAbsent(e.structureKey(), f[IndexField.GRAPH_OFFSET.ordinal()]);
        if (seen != null) {
          assertEquals(seen, f[IndexField.GRAPH_OFFSET.ordinal()]);
        }
      }
      assertTrue(graphOffsetByKey.size() < samples.size(), "the fixture shares structures");
    }
  }

  @Test
  void everyWrittenFilePassesTheLightDbVerifierAndHasTheExpectedGeometry() throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    List<Path> files = write(dir, samples, 7);
    try (LightDb index = LightDb.openReadOnly(files.get(0))) {
      VerifyReport v = index.verify();
      assertTrue(v.ok(), v.problems().toString());
      assertEquals(samples.size(), index.recordCount());
      assertEquals(7, Elements.toLongs(index.minimum().orElseThrow().key())[0]);
      assertEquals(IndexField.schema(), index.schema());
      assertEquals(new Schema(ElementType.SINT64, 1, ElementType.SINT64, 20, 48), index.schema());
      assertEquals(
          index.headerFacts().totalBlocks() * index.schema().pageByteSize(),
          Files.size(files.get(0)));
    }
  }

  @Test
  void aFlippedBitInThePayloadFailsTheSamplesCrcInsteadOfReadingWrongValues() throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    List<Path> files = write(dir, samples, 0);
    byte[] dat = Files.readAllBytes(files.get(1));
    dat[dat.length / 2] ^= 4;
    Files.write(files.get(1), dat);
    try (LightDbShardReader r = new LightDbShardReader(files.get(0), files.get(1))) {
      java.io.IOException e = assertThrows(java.io.IOException.class, r::all);
      assertTrue(e.getMessage().contains("fails its CRC"), e.getMessage());
    }
  }

  @Test
  void theUserAreasSummariseTheShardAndTheFeatureSchema() throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    List<Path> files = write(dir, samples, 100);
    try (LightDb index = LightDb.openReadOnly(files.get(0))) {
      JsonNode u = UserArea.decode(index.readUserArea());
      assertEquals("msetl-lightdb-shard", u.path("format").asText());
      assertEquals(2, u.path("format_version").asInt());
      assertEquals(100, u.path("sample_index_start").asLong());
      assertEquals(samples.size(), u.path("sample_count").asLong());
      assertEquals("fs1", u.path("feature_schema_version").asText());
      assertEquals(64, u.path("feature_schema_sha256").asText().length());
      assertEquals("train-00001-of-00003.dat", u.path("payload").asText());
      assertEquals(Files.size(files.get(1)), u.path("payload_bytes").asLong());
      assertEquals("sample_offset", u.path("fields").get(0).asText());
      assertEquals(IndexField.COUNT, u.path("fields").size());
      assertEquals(SampleTexts.NAMES.size(), u.path("texts").size());
    }
  }

  @Test
  void theSameSamplesGiveByteIdenticalFiles() throws Exception {
    List<ExportSample> samples = fixture.samples("val");
    List<Path> a = write(dir.resolve("a"), samples, 0);
    List<Path> b = write(dir.resolve("b"), samples, 0);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(
          Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
    }
  }

  @Test
  void aSampleOutOfIndexOrderFailsTheShardAndLeavesNoFile() throws Exception {
    List<ExportSample> samples = fixture.samples("train");
    ShardSink sink = new LightDbShardFormat().open(new ShardSpec("train", 0, 1, 0, Map.of()), dir);
    sink.add(0, samples.get(0));
    assertThrows(IllegalStateException.class, () -> sink.add(5, samples.get(1)));
    sink.close();
    try (var s = Files.list(dir)) {
      assertEquals(List.of(), s.toList());
    }
  }

  private static float[] floats(Row r, String column) {
    List<Object> l = new ArrayList<>(r.getList(r.fieldIndex(column)));
    float[] out = new float[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) l.get(i)).floatValue();
    }
    return out;
  }
}
