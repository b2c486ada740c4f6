package io.msetl.export;

import io.msetl.tables.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Small tables with the shape of a real build: compounds in three splits, several compounds sharing
 * one structure (graph_features has one row per structure), one structure without a conformer, and
 * one compound whose spectrum is missing (it must be counted, not exported).
 */
public final class Fixture {
  public static final int BINS = 24;
  public final List<Row> compounds = new ArrayList<>();
  public final List<Row> spectra = new ArrayList<>();
  public final List<Row> graphs = new ArrayList<>();
  public final List<Row> splits = new ArrayList<>();
  public final List<Row> runs = new ArrayList<>();
  public final String withoutSpectrum;

  /**
   * {@code compounds} records, {@code structures} distinct structures, ids C0000.. in a scrambled
   * split order.
   */
  public Fixture(int compoundCount, int structureCount, int salt) {
    for (int k = 0; k < structureCount; k++) {
      graphs.add(graph(k, salt));
    }
    String missing = null;
    for (int i = 0; i < compoundCount; i++) {
      String id = String.format("C%04d", (i * 7919 + salt) % 10000);
      String split = i % 5 == 3 ? "val" : i % 5 == 4 ? "test" : "train";
      String key = "KEY" + (i % structureCount);
      compounds.add(compound(id, key, split, i));
      splits.add(
          row(
              Tables.DATASET_SPLITS,
              id,
              key.substring(0, 4),
              "inchikey_block1",
              "hash" + i,
              split));
      if (i == compoundCount - 1) {
        missing = id;
      } else {
        spectra.add(spectrum(id, split, i + salt));
      }
    }
    withoutSpectrum = missing;
    runs.add(
        row(
            Tables.RUNS,
            "run-1",
            "build",
            "2026-11-20T00:00:00Z",
            "2026-11-20T00:10:00Z",
            "SUCCEEDED",
            null,
            "{}",
            "abc123",
            map(Map.of("MOL", "42")),
            map(Map.of("msetl", "0.1.0", "RDKit", "2020.09.1")),
            "{\"feature_schema_version\":\""
                + io.msetl.featurize.FeatureSchema.VERSION
                + "\",\"atom_features\":[\"z\",\"degree\",\"charge\",\"aromatic\"]}",
            map(Map.of("compounds", (long) compoundCount)),
            map(Map.of()),
            map(Map.of("OK", (long) structureCount)),
            map(Map.of("featurize", 1.5)),
            null));
  }

  private static Row compound(String id, String key, String split, int i) {
    return row(
        Tables.COMPOUNDS,
        id,
        "compound " + i,
        seq(List.of("syn-" + i)),
        "C" + (i + 1) + "H4",
        "C" + (i + 1) + "H4",
        12.0 * (i + 1) + 4.03,
        null,
        16.0 + i,
        "C".repeat(i % 4 + 1),
        "InChI=1S/x" + i,
        key + "-AAAA-N",
        null,
        key,
        i % 3 == 0 ? null : "c1ccccc1",
        i % 4 + 1,
        0,
        1,
        false,
        "50-00-" + i,
        "NIST" + i,
        null,
        i % 2 == 0 ? "CC BY" : null,
        i % 2 == 0 ? "A. Author" : null,
        "MOL_FILE",
        "ID" + i + ".MOL",
        "lib.msp",
        1000L * i,
        (long) i,
        "raw" + i,
        "hash" + i,
        "shash" + (i % 7),
        split);
  }

  private static Row spectrum(String id, String split, int seed) {
    List<Object> vector = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      vector.add((b * 31 + seed * 17) % 11 == 0 ? (float) ((b + seed) % 7) / 6f : 0f);
    }
    vector.set(seed % BINS, 1f);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("Name", "compound");
    meta.put("Comment", "seed " + seed);
    // Every other spectrum is MS/MS with the conditioning columns set, the rest EI with them null.
    boolean msms = seed % 2 == 0;
    return row(
        Tables.SPECTRA,
        id,
        msms ? "MS2" : "MS",
        msms && seed % 4 == 0 ? "N" : "P",
        msms ? "[M+H]+" : null,
        msms ? 100.25 + seed : null,
        msms ? (seed % 3) * 10 + " eV" : null,
        msms ? "Orbitrap Exploris" : "EI",
        msms ? "LC-ESI-ITFT" : "GC-EI-TOF",
        3,
        seq(List.of(15.0, 27.5, 1.0 + seed)),
        seq(List.of(100.0, 999.0, 5.5)),
        seq(vector),
        0,
        1,
        0,
        seq(List.of()),
        map(meta),
        "hash" + seed,
        split);
  }

  private static Row graph(int k, int salt) {
    int n = 3 + k % 4;
    int f = 5;
    int b = 3;
    List<Object> x = new ArrayList<>();
    for (int i = 0; i < n * f; i++) {
      x.add((float) ((i * 13 + k + salt) % 5) / 4f);
    }
    List<Object> src = new ArrayList<>();
    List<Object> dst = new ArrayList<>();
    for (int a = 0; a + 1 < n; a++) {
      src.add(a);
      dst.add(a + 1);
      src.add(a + 1);
      dst.add(a);
    }
    List<Object> edgeIndex = new ArrayList<>(src);
    edgeIndex.addAll(dst);
    int e = src.size();
    List<Object> attr = new ArrayList<>();
    for (int i = 0; i < e * b; i++) {
      attr.add(i % b == k % b ? 1f : 0f);
    }
    boolean failed = k == 1;
    List<Object> coords = new ArrayList<>();
    for (int i = 0; i < n * 3; i++) {
      coords.add((float) Math.sin(i + k) * 1.5f);
    }
    return row(
        Tables.GRAPH_FEATURES,
        "KEY" + k,
        n,
        f,
        seq(x),
        e,
        seq(edgeIndex),
        b,
        seq(attr),
        failed ? null : seq(coords),
        failed ? "FAILED" : "OK",
        failed ? "NONE" : "MMFF94",
        1000L + k,
        "msetl-featurizer 1 / RDKit 2020.09.1",
        "fs1",
        "MOL_FILE",
        "fhash",
        "ihash" + k);
  }

  static Row row(Tables t, Object... values) {
    if (values.length != t.schema().length()) {
      throw new IllegalArgumentException(
          t + " needs " + t.schema().length() + " values, got " + values.length);
    }
    return new GenericRowWithSchema(values, t.schema());
  }

  static Object seq(List<?> l) {
    return CollectionConverters.asScala(l).toSeq();
  }

  static Object map(Map<?, ?> m) {
    return CollectionConverters.asScala(m);
  }

  /**
   * The samples of one split as the exporter forms them, in compound-id order (one spectrum per
   * compound here).
   */
  public List<ExportSample> samples(String split) {
    List<ExportSample> out = new ArrayList<>();
    compounds.stream()
        .filter(c -> c.getAs("split").equals(split))
        .sorted((a, b) -> a.<String>getAs("id").compareTo(b.getAs("id")))
        .forEach(
            c ->
                spectra.stream()
                    .filter(s -> s.getAs("compound_id").equals(c.getAs("id")))
                    .findFirst()
                    .ifPresent(
                        s -> {
                          Row g =
                              graphs.stream()
                                  .filter(
                                      x ->
                                          x.getAs("structure_key").equals(c.getAs("structure_key")))
                                  .findFirst()
                                  .orElseThrow();
                          Row d =
                              splits.stream()
                                  .filter(x -> x.getAs("compound_id").equals(c.getAs("id")))
                                  .findFirst()
                                  .orElseThrow();
                          out.add(new ExportSample(c, s, g, d));
                        }));
    return out;
  }
}
