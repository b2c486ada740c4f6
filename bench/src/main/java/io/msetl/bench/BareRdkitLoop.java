package io.msetl.bench;

import io.msetl.featurize.FeaturizerConfig;
import org.RDKit.Atom;
import org.RDKit.Bond;
import org.RDKit.Conformer;
import org.RDKit.DistanceGeom;
import org.RDKit.EmbedParameters;
import org.RDKit.ForceField;
import org.RDKit.Point3D;
import org.RDKit.RDKFuncs;
import org.RDKit.ROMol;
import org.RDKit.RWMol;
import org.RDKit.RingInfo;

/**
 * The floor: the same RDKit calls the featurizer makes for one molecule (parse, SMILES, addHs,
 * ETKDGv3 with the same seed and attempt budget, random-coordinate retry, MMFF/UFF, per-atom and
 * per-bond getters, coordinates), with no result objects, checks or bookkeeping.
 */
final class BareRdkitLoop implements AutoCloseable {
  private final EmbedParameters params = RDKFuncs.getETKDGv3();
  private final FeaturizerConfig config;

  BareRdkitLoop(FeaturizerConfig config) {
    this.config = config;
    params.setMaxIterations(config.maxEmbedAttempts());
  }

  /** Returns a checksum so the JIT cannot drop the work. */
  double run(String molblock, int seed) {
    RWMol mol = RWMol.MolFromMolBlock(molblock, true, true);
    ROMol molH = null;
    double sum = 0;
    try {
      sum += RDKFuncs.MolToSmiles(mol).length();
      molH = RDKFuncs.addHs((ROMol) mol);
      params.setRandomSeed(seed);
      params.setUseRandomCoords(false);
      int conf = DistanceGeom.EmbedMolecule(molH, params);
      if (conf < 0) {
        params.setUseRandomCoords(true);
        conf = DistanceGeom.EmbedMolecule(molH, params);
      }
      if (conf >= 0) {
        if (ForceField.MMFFHasAllMoleculeParams(molH)) {
          ForceField.MMFFOptimizeMolecule(molH, "MMFF94", config.forceFieldIterations());
        } else if (ForceField.UFFHasAllMoleculeParams(molH)) {
          ForceField.UFFOptimizeMolecule(molH, config.forceFieldIterations());
        }
      }
      RingInfo rings = mol.getRingInfo();
      for (int i = 0; i < mol.getNumAtoms(); i++) {
        Atom a = mol.getAtomWithIdx(i);
        sum +=
            a.getAtomicNum()
                + a.getDegree()
                + a.getFormalCharge()
                + a.getHybridization().swigValue()
                + (a.getIsAromatic() ? 1 : 0)
                + a.getTotalNumHs()
                + rings.numAtomRings(i)
                + a.getChiralTag().swigValue()
                + a.getMass();
        for (int size = 3; size <= 8; size++) {
          sum += rings.isAtomInRingOfSize(i, size) ? 1 : 0;
        }
        a.delete();
      }
      for (int k = 0; k < mol.getNumBonds(); k++) {
        Bond b = mol.getBondWithIdx(k);
        sum +=
            b.getBeginAtomIdx()
                + b.getEndAtomIdx()
                + b.getBondType().swigValue()
                + (b.getIsConjugated() ? 1 : 0)
                + rings.numBondRings(k)
                + b.getStereo().swigValue();
        b.delete();
      }
      rings.delete();
      if (conf >= 0) {
        Conformer c = molH.getConformer(conf);
        for (int i = 0; i < mol.getNumAtoms(); i++) {
          Point3D p = c.getAtomPos(i);
          sum += p.getX();
          p.delete();
        }
        c.delete();
      }
      return sum;
    } finally {
      if (molH != null) {
        molH.delete();
      }
      mol.delete();
    }
  }

  @Override
  public void close() {
    params.delete();
  }
}
