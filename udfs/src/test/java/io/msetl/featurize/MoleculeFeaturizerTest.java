package io.msetl.featurize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MoleculeFeaturizerTest {
  /**
   * Bicyclo[2.1.1]hexane with bridgehead stereo that cannot exist in 3D: ETKDG fails within ~50 ms.
   */
  private static final String IMPOSSIBLE_STEREO = "[C@H]12CC[C@@H](C1)C2";

  private final MoleculeFeaturizer featurizer = new MoleculeFeaturizer(FeaturizerConfig.defaults());

  @AfterEach
  void close() {
    featurizer.close();
  }

  @Test
  void ethanolGetsTheDocumentedNodeAndEdgeEncoding() {
    MoleculeFeatures f = featurizer.featurize("CCO", StructureKind.SMILES).features();
    assertEquals(3, f.numAtoms());
    assertEquals(58, f.nodeFeatureWidth());
    assertEquals(13, f.edgeFeatureWidth());
    assertEquals(4, f.numEdges());
    assertArrayEquals(new int[] {0, 1, 1, 2, 1, 0, 2, 1}, f.edgeIndex());
    float[] carbon = Arrays.copyOfRange(f.nodeFeatures(), 0, 58);
    float[] expected = new float[58];
    expected[2] = 1; // element C
    expected[21 + 1] = 1; // degree 1
    expected[28 + 2] = 1; // charge 0
    expected[33 + 3] = 1; // SP3
    expected[41 + 3] = 1; // three H
    expected[53] = 1; // chirality unspecified
    expected[57] = 0.12011f; // mass / 100
    assertArrayEquals(expected, carbon, 1e-6f);
    float[] oxygen = Arrays.copyOfRange(f.nodeFeatures(), 2 * 58, 3 * 58);
    assertEquals(1f, oxygen[4]);
    assertEquals(1f, oxygen[41 + 1]);
    float[] bond = Arrays.copyOfRange(f.edgeAttr(), 0, 13);
    assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0}, bond);
    assertArrayEquals(bond, Arrays.copyOfRange(f.edgeAttr(), 13, 26), "both directions alike");
  }

  @Test
  void benzeneAtomsAreAromaticMembersOfASixRing() {
    MoleculeFeatures f = featurizer.featurize("c1ccccc1", StructureKind.SMILES).features();
    float[] atom = Arrays.copyOfRange(f.nodeFeatures(), 0, 58);
    assertEquals(1f, atom[FeatureSchema.nodeOffset("aromatic")]);
    assertEquals(1f, atom[FeatureSchema.nodeOffset("in_ring")]);
    int rings = FeatureSchema.nodeOffset("ring_size");
    assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0}, Arrays.copyOfRange(atom, rings, rings + 6));
    float[] bond = Arrays.copyOfRange(f.edgeAttr(), 0, 13);
    assertArrayEquals(new float[] {0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0}, bond);
  }

  @Test
  void caffeineGetsAnMmffOptimisedConformerSeededFromItsSmiles() {
    FeaturizeResult r = featurizer.featurize(TestMolecules.molblock(45));
    ConformerResult c = r.features().conformer();
    assertEquals(ConformerStatus.OK, c.status());
    assertEquals("MMFF94", c.forceField());
    assertEquals(MoleculeFeaturizer.seedOf("Cn1c(=O)c2c(ncn2C)n(C)c1=O"), c.seed());
    assertEquals(14 * 3, c.coords().length);
    assertTrue(c.seed() >= 0);
    // a C-N bond of the imidazole ring is ~1.3-1.4 Angstrom long after MMFF
    double[] lengths = bondLengths(r.features());
    for (double len : lengths) {
      assertTrue(len > 1.15 && len < 1.55, "bond length " + len);
    }
  }

  @Test
  void featurizingTwiceGivesBitIdenticalArrays() {
    FeaturizeResult a = featurizer.featurize(TestMolecules.molblock(23));
    try (MoleculeFeaturizer other = new MoleculeFeaturizer(FeaturizerConfig.defaults())) {
      other.featurize(TestMolecules.molblock(45)); // different history must not matter
      FeaturizeResult b = other.featurize(TestMolecules.molblock(23));
      assertArrayEquals(a.features().conformer().coords(), b.features().conformer().coords());
      assertArrayEquals(a.features().nodeFeatures(), b.features().nodeFeatures());
      assertArrayEquals(a.features().edgeAttr(), b.features().edgeAttr());
    }
  }

  @Test
  void explicitHydrogensBecomeGraphNodesWithCoordinates() {
    try (MoleculeFeaturizer withH =
        new MoleculeFeaturizer(FeaturizerConfig.defaults().withExplicitHydrogens(true))) {
      MoleculeFeatures f = withH.featurize("CCO", StructureKind.SMILES).features();
      assertEquals(9, f.numAtoms());
      assertEquals(16, f.numEdges());
      assertEquals(27, f.conformer().coords().length);
      assertEquals(1f, f.nodeFeatures()[8 * 58]); // last node is an H
    }
  }

  @Test
  void moleculesAboveThe3dLimitAreSkippedWithoutCoordinates() {
    try (MoleculeFeaturizer small =
        new MoleculeFeaturizer(FeaturizerConfig.defaults().withMaxHeavyAtomsFor3D(20))) {
      FeaturizeResult r = small.featurize(TestMolecules.molblock(23)); // 26 heavy atoms
      assertNull(r.rejectReason());
      assertEquals(ConformerStatus.SKIPPED_TOO_LARGE, r.features().conformer().status());
      assertNull(r.features().conformer().coords());
      assertEquals("NONE", r.features().conformer().forceField());
    }
  }

  @Test
  void anUnembeddableMoleculeIsKeptAsFailedByDefault() {
    FeaturizeResult r = featurizer.featurize(IMPOSSIBLE_STEREO, StructureKind.SMILES);
    assertNull(r.rejectReason());
    assertEquals(ConformerStatus.FAILED, r.features().conformer().status());
    assertNull(r.features().conformer().coords());
    assertEquals(6, r.features().numAtoms());
  }

  @Test
  void theRejectPolicyTurnsAnEmbedFailureIntoEmbedFailed() {
    try (MoleculeFeaturizer strict =
        new MoleculeFeaturizer(
            FeaturizerConfig.defaults().withEmbedFailurePolicy(EmbedFailurePolicy.REJECT))) {
      FeaturizeResult r = strict.featurize(IMPOSSIBLE_STEREO, StructureKind.SMILES);
      assertEquals(FeaturizeRejects.EMBED_FAILED, r.rejectReason());
      assertEquals("no 3D conformer (FAILED) and embedFailurePolicy=REJECT", r.rejectMessage());
    }
  }

  @Test
  void theTwoDimensionalFallbackGivesFlatCoordinates() {
    try (MoleculeFeaturizer flat =
        new MoleculeFeaturizer(FeaturizerConfig.defaults().withFallbackTo2D(true))) {
      ConformerResult c =
          flat.featurize(IMPOSSIBLE_STEREO, StructureKind.SMILES).features().conformer();
      assertEquals(ConformerStatus.FALLBACK_2D, c.status());
      assertEquals(18, c.coords().length);
      for (int i = 0; i < 6; i++) {
        assertEquals(0f, c.coords()[3 * i + 2]);
      }
    }
  }

  @Test
  void theWallTimeSafetyNetStopsFallbacksAfterASlowFailure() {
    try (MoleculeFeaturizer hasty =
        new MoleculeFeaturizer(
            FeaturizerConfig.defaults().withEmbedTimeLimitMillis(1).withFallbackTo2D(true))) {
      ConformerResult c =
          hasty.featurize(IMPOSSIBLE_STEREO, StructureKind.SMILES).features().conformer();
      assertEquals(ConformerStatus.TIMEOUT, c.status());
      assertNull(c.coords());
    }
  }

  @Test
  void conformersCanBeSwitchedOff() {
    try (MoleculeFeaturizer graphOnly =
        new MoleculeFeaturizer(FeaturizerConfig.defaults().withConformers(false))) {
      ConformerResult c = graphOnly.featurize("CCO", StructureKind.SMILES).features().conformer();
      assertEquals(ConformerStatus.NOT_REQUESTED, c.status());
      assertNull(c.coords());
    }
  }

  @Test
  void unreadableAndOversizedMoleculesAreRejected() {
    assertEquals(
        FeaturizeRejects.SANITIZE_FAILED,
        featurizer.featurize(TestMolecules.molblock(1)).rejectReason());
    assertEquals(
        FeaturizeRejects.UNPARSEABLE_STRUCTURE, featurizer.featurize("garbage").rejectReason());
    try (MoleculeFeaturizer small =
        new MoleculeFeaturizer(FeaturizerConfig.defaults().withMaxHeavyAtoms(10))) {
      FeaturizeResult r = small.featurize(TestMolecules.molblock(45));
      assertEquals(FeaturizeRejects.TOO_LARGE, r.rejectReason());
      assertNull(r.features());
    }
  }

  @Test
  void theVersionNamesThisCodeAndRdkit() {
    assertEquals("1.0.0+rdkit-2020.09.1", featurizer.versionString());
    assertNotNull(FeatureSchema.VERSION);
  }

  private static double[] bondLengths(MoleculeFeatures f) {
    float[] xyz = f.conformer().coords();
    int e = f.numEdges();
    double[] out = new double[e];
    for (int k = 0; k < e; k++) {
      int a = f.edgeIndex()[k];
      int b = f.edgeIndex()[e + k];
      double dx = xyz[3 * a] - xyz[3 * b];
      double dy = xyz[3 * a + 1] - xyz[3 * b + 1];
      double dz = xyz[3 * a + 2] - xyz[3 * b + 2];
      out[k] = Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
    return out;
  }
}
