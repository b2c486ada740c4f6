package io.msetl.featurize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MoleculeIdentifierTest {
  private static final String CAFFEINE_KEY = "RYYVLZVUVIJVGH-UHFFFAOYSA-N";
  private final MoleculeIdentifier identifier = new MoleculeIdentifier(FeaturizerConfig.defaults());

  @Test
  void caffeineFromItsMolfileGetsItsFullIdentity() {
    IdentifyResult r = identifier.identify(TestMolecules.molblock(45), "molblock", CAFFEINE_KEY);
    assertFalse(r.isRejected(), r.rejectMessage());
    MoleculeIdentity m = r.identity();
    assertEquals(CAFFEINE_KEY, m.structureKey());
    assertEquals(CAFFEINE_KEY, m.inchikey());
    assertEquals("InChI=1S/C8H10N4O2/c1-10-4-9-6-5(10)7(13)12(3)8(14)11(6)2/h4H,1-3H3", m.inchi());
    assertEquals("Cn1c(=O)c2c(ncn2C)n(C)c1=O", m.canonicalSmiles());
    assertEquals("C8H10N4O2", m.formula());
    assertEquals(194.0803756, m.exactMass(), 1e-6);
    assertEquals(14, m.heavyAtoms());
    assertEquals(0, m.formalCharge());
    assertEquals(1, m.fragmentCount());
    assertFalse(m.fragmentsStripped());
    assertEquals("O=c1[nH]c(=O)c2[nH]cnc2[nH]1", m.murckoScaffold());
    assertTrue(m.molblockParent().contains("V2000"));
  }

  @Test
  void smilesAndInchiInputsGiveTheSameIdentityAsTheMolfile() {
    IdentifyResult fromSmiles = identifier.identify("CN1C=NC2=C1C(=O)N(C)C(=O)N2C", "smiles", null);
    IdentifyResult fromInchi =
        identifier.identify(
            "InChI=1S/C8H10N4O2/c1-10-4-9-6-5(10)7(13)12(3)8(14)11(6)2/h4H,1-3H3", "InChI", null);
    assertEquals(CAFFEINE_KEY, fromSmiles.identity().structureKey());
    assertEquals(CAFFEINE_KEY, fromInchi.identity().structureKey());
    assertEquals("Cn1c(=O)c2c(ncn2C)n(C)c1=O", fromInchi.identity().canonicalSmiles());
  }

  @Test
  void aSaltKeepsItsLargestOrganicIonAndRecordsTheStripping() {
    IdentifyResult r =
        identifier.identify("CC[N+](CC)(CC)CC.[Br-]", "smiles", "HWCKGOZZJDHMNC-UHFFFAOYSA-M");
    assertFalse(r.isRejected(), "the declared key of the whole salt is consistent");
    MoleculeIdentity m = r.identity();
    assertEquals("CC[N+](CC)(CC)CC", m.canonicalSmiles());
    assertEquals("CBXCPBUEXACCNR-UHFFFAOYSA-N", m.structureKey());
    assertEquals("HWCKGOZZJDHMNC-UHFFFAOYSA-M", m.inchikeyInput());
    assertEquals("C8H20N+", m.formula());
    assertEquals(1, m.formalCharge());
    assertEquals(9, m.heavyAtoms());
    assertEquals(2, m.fragmentCount());
    assertTrue(m.fragmentsStripped());
    assertEquals("", m.murckoScaffold());
  }

  @Test
  void keepAllPolicyFeaturizesTheSaltAsDrawn() {
    MoleculeIdentifier keepAll =
        new MoleculeIdentifier(
            FeaturizerConfig.defaults().withFragmentPolicy(FragmentPolicy.KEEP_ALL));
    MoleculeIdentity m = keepAll.identify("CC[N+](CC)(CC)CC.[Br-]", "smiles", null).identity();
    assertEquals("CC[N+](CC)(CC)CC.[Br-]", m.canonicalSmiles());
    assertEquals("HWCKGOZZJDHMNC-UHFFFAOYSA-M", m.structureKey());
    assertEquals(10, m.heavyAtoms());
    assertFalse(m.fragmentsStripped());
  }

  @Test
  void twoCopiesOfOneMoleculeBecomeOneCopy() {
    MoleculeIdentity m = identifier.identify("OCC.CCO", "smiles", null).identity();
    assertEquals("CCO", m.canonicalSmiles());
    assertEquals(2, m.fragmentCount());
    assertTrue(m.fragmentsStripped());
  }

  @Test
  void anInorganicSaltKeepsTheSmallestSmilesAmongEquallyLargeIonsWhateverTheOrder() {
    assertEquals(
        "[Cl-]", identifier.identify("[Na+].[Cl-]", "smiles", null).identity().canonicalSmiles());
    assertEquals(
        "[Cl-]", identifier.identify("[Cl-].[Na+]", "smiles", null).identity().canonicalSmiles());
  }

  @Test
  void aChargedMoleculeKeepsItsCharge() {
    MoleculeIdentity m =
        identifier
            .identify(TestMolecules.molblock(4), "molblock", "LDLCEGCJYSDJLX-UPHRSURJSA-N")
            .identity();
    assertEquals(1, m.formalCharge());
    assertEquals("C9H16ClN4+", m.formula());
  }

  @Test
  void theMesityleneMolfileWithMixedAromaticBondsFailsSanitization() {
    IdentifyResult r = identifier.identify(TestMolecules.molblock(1), "molblock", null);
    assertEquals(FeaturizeRejects.SANITIZE_FAILED, r.rejectReason());
    assertNull(r.identity());
    assertTrue(r.rejectMessage().contains("Can't kekulize mol"), r.rejectMessage());
  }

  @Test
  void aPentavalentCarbonFailsSanitizationWithTheValenceMessage() {
    IdentifyResult r = identifier.identify("C(C)(C)(C)(C)C", "smiles", null);
    assertEquals(FeaturizeRejects.SANITIZE_FAILED, r.rejectReason());
    assertTrue(r.rejectMessage().contains("Explicit valence for atom # 0 C, 5"));
  }

  @Test
  void textThatIsNoMoleculeIsUnparseable() {
    assertEquals(
        FeaturizeRejects.UNPARSEABLE_STRUCTURE,
        identifier.identify("C1CC(", "smiles", null).rejectReason());
    assertEquals(
        FeaturizeRejects.UNPARSEABLE_STRUCTURE,
        identifier.identify("InChI=garbage", "inchi", null).rejectReason());
    assertEquals(
        FeaturizeRejects.UNPARSEABLE_STRUCTURE,
        identifier.identify("not a molfile", "molblock", null).rejectReason());
    assertEquals(
        FeaturizeRejects.UNPARSEABLE_STRUCTURE,
        identifier.identify("", "molblock", null).rejectReason());
    assertEquals(
        FeaturizeRejects.UNPARSEABLE_STRUCTURE,
        identifier.identify("CCO", "pdb", null).rejectReason());
  }

  @Test
  void aMolfileWithoutAtomsIsUnparseable() {
    String empty = "\n  RDKit\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n";
    IdentifyResult r = identifier.identify(empty, "molblock", null);
    assertEquals(FeaturizeRejects.UNPARSEABLE_STRUCTURE, r.rejectReason());
    assertEquals("the structure has no atoms", r.rejectMessage());
  }

  @Test
  void moleculesAboveTheHeavyAtomLimitAreTooLargeButStillIdentified() {
    MoleculeIdentifier small =
        new MoleculeIdentifier(FeaturizerConfig.defaults().withMaxHeavyAtoms(50));
    IdentifyResult r = small.identify(TestMolecules.molblock(6), "molblock", null);
    assertEquals(FeaturizeRejects.TOO_LARGE, r.rejectReason());
    assertEquals("the molecule has 96 heavy atoms, more than maxHeavyAtoms=50", r.rejectMessage());
    assertEquals("KPJQHWSCXRGXAB-UHFFFAOYSA-N", r.identity().structureKey());
  }

  @Test
  void aDeclaredKeyOfAnotherCompoundIsAMismatch() {
    IdentifyResult r =
        identifier.identify(TestMolecules.molblock(45), "molblock", "KWILGNNWGSNMPA-UHFFFAOYSA-N");
    assertEquals(FeaturizeRejects.INCHIKEY_MISMATCH, r.rejectReason());
    assertEquals(
        "declared InChIKey KWILGNNWGSNMPA-UHFFFAOYSA-N differs from the computed "
            + CAFFEINE_KEY
            + " (first block)",
        r.rejectMessage());
    assertNotNull(r.identity());
  }

  @Test
  void aKeyDifferingOnlyInStereoOrProtonationPassesTheFirstBlockCheckButNotTheFullOne() {
    String otherLayers = "RYYVLZVUVIJVGH-XXXXXXXXSA-N";
    assertFalse(
        identifier.identify(TestMolecules.molblock(45), "molblock", otherLayers).isRejected());
    MoleculeIdentifier full =
        new MoleculeIdentifier(FeaturizerConfig.defaults().withInchiKeyCheck(InchiKeyCheck.FULL));
    assertEquals(
        FeaturizeRejects.INCHIKEY_MISMATCH,
        full.identify(TestMolecules.molblock(45), "molblock", otherLayers).rejectReason());
    MoleculeIdentifier off =
        new MoleculeIdentifier(FeaturizerConfig.defaults().withInchiKeyCheck(InchiKeyCheck.OFF));
    assertFalse(
        off.identify(TestMolecules.molblock(45), "molblock", "KWILGNNWGSNMPA-UHFFFAOYSA-N")
            .isRejected());
  }

  @Test
  void everyLicenceClearedTestMoleculeMatchesItsDeclaredKey() {
    TestMolecules.declaredInchiKeys()
        .forEach(
            (id, key) -> {
              if (id != 1) {
                IdentifyResult r = identifier.identify(TestMolecules.molblock(id), "molblock", key);
                assertFalse(r.isRejected(), "ID" + id + ": " + r.rejectMessage());
                assertEquals(key, r.identity().inchikey(), "ID" + id);
              }
            });
  }
}
