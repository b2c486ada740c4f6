package io.msetl.featurize.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.featurize.FeaturizerConfig;
import io.msetl.featurize.TestMolecules;
import io.msetl.spectrum.SpectrumConfig;
import io.msetl.spectrum.spark.SpectrumStage;
import io.msetl.sql.MsetlUdfs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark")
class MoleculeStageSparkTest {
  private static final List<Integer> SMALL = List.of(4, 11, 14, 15, 21, 31, 45, 105);
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("MoleculeStageSparkTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> records() {
    StructType schema =
        new StructType()
            .add("record_id", DataTypes.StringType)
            .add("structure", DataTypes.StringType)
            .add("structure_kind", DataTypes.StringType)
            .add("inchikey_declared", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    Map<Integer, String> declared = TestMolecules.declaredInchiKeys();
    for (int id : SMALL) {
      rows.add(
          RowFactory.create("ID" + id, TestMolecules.molblock(id), "molblock", declared.get(id)));
    }
    rows.add(RowFactory.create("ID1", TestMolecules.molblock(1), "molblock", declared.get(1)));
    rows.add(RowFactory.create("salt", "CC[N+](CC)(CC)CC.[Br-]", "smiles", null));
    rows.add(
        RowFactory.create(
            "replicate-of-45", TestMolecules.molblock(45), "molblock", declared.get(45)));
    rows.add(
        RowFactory.create("wrong-key", TestMolecules.molblock(14), "molblock", declared.get(45)));
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void identifyAddsTheIdentityColumnsAndRejectsWithReasons() {
    Dataset<Row> out =
        MoleculeStage.identify(records().repartition(3), FeaturizerConfig.defaults());
    assertEquals(
        List.of(
            "record_id",
            "structure",
            "structure_kind",
            "inchikey_declared",
            "structure_key",
            "canonical_smiles",
            "inchi",
            "inchikey",
            "formula_computed",
            "exact_mass_computed",
            "heavy_atoms",
            "formal_charge",
            "fragment_count",
            "fragments_stripped",
            "murcko_scaffold",
            "molblock_parent",
            "reject_reason",
            "reject_message"),
        Arrays.asList(out.columns()));
    Map<String, Row> byId = new TreeMap<>();
    for (Row r : out.collectAsList()) {
      byId.put(r.getString(0), r);
    }
    assertEquals(12, byId.size());
    Row caffeine = byId.get("ID45");
    assertEquals("RYYVLZVUVIJVGH-UHFFFAOYSA-N", caffeine.getAs("structure_key"));
    assertEquals(194.0803756, (double) caffeine.getAs("exact_mass_computed"), 1e-6);
    assertEquals(14, (int) caffeine.getAs("heavy_atoms"));
    assertNull(caffeine.getAs("reject_reason"));
    assertEquals("SANITIZE_FAILED", byId.get("ID1").getAs("reject_reason"));
    assertNull(byId.get("ID1").getAs("structure_key"));
    assertEquals("INCHIKEY_MISMATCH", byId.get("wrong-key").getAs("reject_reason"));
    Row salt = byId.get("salt");
    assertEquals(true, salt.getAs("fragments_stripped"));
    assertEquals("CC[N+](CC)(CC)CC", salt.getAs("canonical_smiles"));
    assertEquals(1, (int) salt.getAs("formal_charge"));
  }

  @Test
  void featurizingInDifferentPartitioningsGivesBitIdenticalArrays() {
    Dataset<Row> distinct =
        MoleculeStage.identify(records(), FeaturizerConfig.defaults())
            .filter("reject_reason IS NULL")
            .select("structure_key", "molblock_parent")
            .dropDuplicates("structure_key");
    List<Row> one =
        MoleculeStage.featurize(distinct.coalesce(1), FeaturizerConfig.defaults())
            .orderBy("structure_key")
            .collectAsList();
    List<Row> four =
        MoleculeStage.featurize(distinct.repartition(4), FeaturizerConfig.defaults())
            .orderBy("structure_key")
            .collectAsList();
    assertEquals(9, one.size(), "8 molecules + the salt's cation; the replicate is deduplicated");
    for (int i = 0; i < one.size(); i++) {
      Row a = one.get(i);
      Row b = four.get(i);
      assertEquals(a.getString(0), b.getString(0));
      for (String col : List.of("node_features", "edge_attr", "coords")) {
        assertArrayEquals(floats(a, col), floats(b, col), a.getString(0) + " " + col);
      }
      assertEquals(a.getList(a.fieldIndex("edge_index")), b.getList(b.fieldIndex("edge_index")));
      assertEquals((long) a.getAs("conformer_seed"), (long) b.getAs("conformer_seed"));
      assertEquals("OK", a.getAs("conformer_status"), a.getString(0));
      assertEquals("1.0.0", a.getAs("feature_schema_version"));
      int n = a.getAs("num_atoms");
      assertEquals(n * 58, floats(a, "node_features").length);
      assertEquals(n * 3, floats(a, "coords").length);
      assertEquals(2 * (int) a.getAs("num_edges"), a.getList(a.fieldIndex("edge_index")).size());
    }
  }

  @Test
  void featurizeReportsUnreadableParentsAsRejects() {
    StructType schema =
        new StructType()
            .add("structure_key", DataTypes.StringType)
            .add("molblock_parent", DataTypes.StringType);
    Dataset<Row> in =
        spark.createDataFrame(List.of(RowFactory.create("bad", TestMolecules.molblock(1))), schema);
    Row r = MoleculeStage.featurize(in, FeaturizerConfig.defaults()).first();
    assertEquals("SANITIZE_FAILED", r.getAs("reject_reason"));
    assertNull(r.getAs("node_features"));
  }

  @Test
  void aMissingInputColumnIsAOneLineError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MoleculeStage.featurize(records(), FeaturizerConfig.defaults()));
    assertTrue(e.getMessage().startsWith("input lacks column(s) [structure_key, molblock_parent]"));
  }

  @Test
  void theRepresentativeOfAStructureKeyIsItsMostFaithfulStructureThenItsSmallestRecordId() {
    StructType schema =
        new StructType()
            .add("record_id", DataTypes.StringType)
            .add("structure", DataTypes.StringType)
            .add("structure_kind", DataTypes.StringType)
            .add("structure_source", DataTypes.StringType)
            .add("inchikey_declared", DataTypes.StringType);
    String paracetamolInchi = "InChI=1S/C8H9NO2/c1-6(10)9-7-2-4-8(11)5-3-7/h2-5,11H,1H3,(H,9,10)";
    List<Row> rows =
        List.of(
            // RDKit reads paracetamol's InChI as the iminol CC(O)=Nc1ccc(O)cc1; the SMILES
            // record (larger id) has the amide as drawn and must be the one featurized.
            RowFactory.create("A-inchi", paracetamolInchi, "inchi", "MSP_INCHI", null),
            RowFactory.create("B-smiles", "CC(=O)Nc1ccc(O)cc1", "smiles", "MSP_SMILES", null),
            RowFactory.create(
                "a-caffeine", "Cn1cnc2c1c(=O)n(C)c(=O)n2C", "smiles", "MGF_SMILES", null),
            RowFactory.create(
                "z-caffeine", TestMolecules.molblock(45), "molblock", "MOL_FILE", null),
            RowFactory.create("m-ethanol", "OCC", "smiles", "MASSBANK_SMILES", null),
            RowFactory.create("k-ethanol", "CCO", "smiles", "MSP_SMILES", null));
    Dataset<Row> identified =
        MoleculeStage.identify(
            spark.createDataFrame(rows, schema).repartition(3), FeaturizerConfig.defaults());
    Map<String, String> smilesOf = new TreeMap<>();
    for (Row r : identified.collectAsList()) {
      smilesOf.put(r.getAs("record_id"), r.getAs("canonical_smiles"));
    }
    assertEquals("CC(O)=Nc1ccc(O)cc1", smilesOf.get("A-inchi"), "the InChI tautomer");
    assertEquals("CC(=O)Nc1ccc(O)cc1", smilesOf.get("B-smiles"));

    Dataset<Row> reps = Representatives.of(identified);
    Map<String, Row> byKey = new TreeMap<>();
    for (Row r : reps.collectAsList()) {
      byKey.put(r.getAs("structure_key"), r);
    }
    assertEquals(3, byKey.size());
    assertEquals("MSP_SMILES", byKey.get("RZVAJINKPMORJF-UHFFFAOYSA-N").getAs("structure_source"));
    assertEquals("MOL_FILE", byKey.get("RYYVLZVUVIJVGH-UHFFFAOYSA-N").getAs("structure_source"));
    assertEquals(
        "MSP_SMILES",
        byKey.get("LFQSCWFLJHTTHZ-UHFFFAOYSA-N").getAs("structure_source"),
        "equal fidelity: the smallest record id (k- before m-)");

    Row paracetamol =
        MoleculeStage.featurize(reps, FeaturizerConfig.defaults().withConformers(false))
            .where("structure_key = 'RZVAJINKPMORJF-UHFFFAOYSA-N'")
            .first();
    assertEquals("MSP_SMILES", paracetamol.getAs("structure_source"), "carried through");
    Row fromSmiles =
        MoleculeStage.featurize(
                identified
                    .where("record_id = 'B-smiles'")
                    .select("structure_key", "molblock_parent"),
                FeaturizerConfig.defaults().withConformers(false))
            .first();
    assertArrayEquals(floats(fromSmiles, "node_features"), floats(paracetamol, "node_features"));
    assertNull(fromSmiles.getAs("structure_source"), "no source column in, null out");
  }

  @Test
  void spectrumStageAddsCleanPeaksBinsAndCounts() {
    StructType schema =
        new StructType()
            .add("mz", DataTypes.createArrayType(DataTypes.DoubleType, true))
            .add("intensity", DataTypes.createArrayType(DataTypes.DoubleType, true))
            .add("precursor_mz", DataTypes.DoubleType);
    Dataset<Row> in =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    List.of(57.0, 29.0, 1200.0), Arrays.asList(999.0, null, 5.0), null),
                RowFactory.create(List.of(10.0), List.of(0.0), 100.0)),
            schema);
    List<Row> out = SpectrumStage.normalize(in, SpectrumConfig.defaults()).collectAsList();
    Row first = out.get(0);
    assertEquals(List.of(57.0, 1200.0), first.getList(first.fieldIndex("clean_mz")));
    assertEquals(1000, first.getList(first.fieldIndex("binned")).size());
    assertEquals(1.0f, (float) first.getList(first.fieldIndex("binned")).get(56));
    assertEquals(1, (int) first.getAs("peaks_above_range"));
    assertEquals(1, (int) first.getAs("peaks_dropped"));
    assertEquals(2, (int) first.getAs("num_peaks_clean"));
    assertEquals("NO_PEAKS_AFTER_CLEANING", out.get(1).getAs("spectrum_reject_reason"));
  }

  @Test
  void theSqlFunctionsWorkFromSql() {
    MsetlUdfs.register(spark);
    StructType schema = new StructType().add("molblock", DataTypes.StringType);
    spark
        .createDataFrame(
            List.of(
                RowFactory.create(TestMolecules.molblock(45)),
                RowFactory.create(TestMolecules.molblock(1))),
            schema)
        .createOrReplaceTempView("mols");
    List<Row> rows =
        spark
            .sql(
                "SELECT msetl_inchikey(molblock) AS k, f.num_atoms, "
                    + "f.conformer_status, f.reject_reason, size(f.node_features) AS nf "
                    + "FROM (SELECT molblock, msetl_featurize(molblock) AS f FROM mols) ORDER BY k")
            .collectAsList();
    assertNull(rows.get(0).get(0));
    assertEquals("SANITIZE_FAILED", rows.get(0).getString(3));
    assertEquals("RYYVLZVUVIJVGH-UHFFFAOYSA-N", rows.get(1).getString(0));
    assertEquals(14, rows.get(1).getInt(1));
    assertEquals("OK", rows.get(1).getString(2));
    assertEquals(14 * 58, rows.get(1).getInt(4));
    Row bin =
        spark
            .sql(
                "SELECT msetl_bin_spectrum(array(41.0D, 57.0D, 85.0D), "
                    + "array(300.0D, 999.0D, 120.0D)) AS b")
            .first();
    assertEquals(1.0f, (float) bin.getList(0).get(56));
    assertEquals(300f / 999f, (float) bin.getList(0).get(40));
  }

  private static float[] floats(Row r, String col) {
    List<Object> list = r.getList(r.fieldIndex(col));
    float[] out = new float[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Float) list.get(i);
    }
    return out;
  }
}
