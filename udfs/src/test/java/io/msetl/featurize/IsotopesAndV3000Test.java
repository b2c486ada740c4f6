package io.msetl.featurize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.msetl.structure.MolBlocks;
import org.RDKit.RDKFuncs;
import org.RDKit.RWMol;
import org.junit.jupiter.api.Test;

/**
 * Isotope labels are part of the molecule (a label shifts the spectrum): formula, exact mass,
 * structure key and graph nodes all carry them. V3000 molblocks read like V2000 ones.
 */
class IsotopesAndV3000Test {
  private static final double D_MINUS_H = 2.014101778 - 1.007825032;
  private final MoleculeIdentifier identifier = new MoleculeIdentifier(FeaturizerConfig.defaults());
  private final MoleculeFeaturizer featurizer =
      new MoleculeFeaturizer(FeaturizerConfig.defaults().withConformers(false));

  /** Atrazine-d5 (ethyl-d5), a common internal standard, beside atrazine itself. */
  @Test
  void deuteriumLabelsAreInTheFormulaTheMassTheKeyAndTheGraph() {
    MoleculeIdentity d5 =
        identifier
            .identify("[2H]C([2H])([2H])C([2H])([2H])Nc1nc(Cl)nc(NC(C)C)n1", "smiles", null)
            .identity();
    MoleculeIdentity atrazine =
        identifier.identify("CCNc1nc(Cl)nc(NC(C)C)n1", "smiles", null).identity();
    assertEquals("C8H14ClN5", atrazine.formula());
    assertEquals("C8H9D5ClN5", d5.formula(), "the formula says what the exact mass counts");
    assertEquals(atrazine.exactMass() + 5 * D_MINUS_H, d5.exactMass(), 1e-6);
    assertEquals(14, d5.heavyAtoms(), "deuterium is hydrogen: not a heavy atom");
    assertNotEquals(atrazine.structureKey(), d5.structureKey(), "featurized separately");
    assertEquals(
        atrazine.inchikey().substring(0, 14),
        d5.inchikey().substring(0, 14),
        "same first block: the labelled standard shares its parent's split");

    MoleculeFeatures graph = featurizer.featurize(d5.molblockParent()).features();
    assertEquals(19, graph.numAtoms(), "14 heavy atoms + 5 labelled hydrogens as nodes");
    int mass = FeatureSchema.nodeOffset("atomic_mass");
    float[] nodes = graph.nodeFeatures();
    int deuterons = 0;
    for (int i = 0; i < graph.numAtoms(); i++) {
      float m = nodes[i * FeatureSchema.NODE_WIDTH + mass];
      if (Math.abs(m - 2.014101778f / 100f) < 1e-6) {
        deuterons++;
      }
    }
    assertEquals(5, deuterons, "each D node carries the isotope mass");
    assertEquals(
        14, featurizer.featurize(atrazine.molblockParent()).features().numAtoms(), "no label");
  }

  /** Hectochlorin with one 37Cl, as the GNPS library entry in fixtures/mgf writes it. */
  @Test
  void otherIsotopeLabelsAreWrittenOutToo() {
    MoleculeIdentity m =
        identifier
            .identify(
                "CC(=O)OC1c2nc(cs2)C(=O)OC(CCCC(C)(Cl)[37Cl])C(C)C(=O)OC(C(C)(C)O)c2nc(cs2)C(=O)OC1(C)C",
                "smiles",
                null)
            .identity();
    assertEquals("C27H34ClN2O9S2[37Cl]", m.formula());
  }

  @Test
  void aV3000MolblockGivesTheSameIdentityAsItsV2000Original() {
    String v2000 = TestMolecules.molblock(45);
    RWMol mol = RWMol.MolFromMolBlock(v2000, true, true);
    String v3000;
    try {
      v3000 = RDKFuncs.MolToV3KMolBlock(mol);
    } finally {
      mol.delete();
    }
    MolBlocks.Normalized n = MolBlocks.normalize(v3000);
    assertEquals(java.util.List.of(), n.repairs(), "a V3000 counts line is left alone");
    IdentifyResult r = identifier.identify(n.molblock(), "molblock", "RYYVLZVUVIJVGH-UHFFFAOYSA-N");
    assertNull(r.rejectReason(), r.rejectMessage());
    assertEquals(
        identifier.identify(v2000, "molblock", null).identity().inchikey(),
        r.identity().inchikey());
    assertEquals(14, r.identity().heavyAtoms());
  }
}
