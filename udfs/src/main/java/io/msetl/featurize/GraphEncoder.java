package io.msetl.featurize;

import org.RDKit.Atom;
import org.RDKit.Bond;
import org.RDKit.RDKFuncs;
import org.RDKit.ROMol;
import org.RDKit.RingInfo;

/** Writes the node features, edge index and edge features of {@link FeatureSchema}. */
final class GraphEncoder {
  private static final int ELEMENT = FeatureSchema.nodeOffset("element");
  private static final int DEGREE = FeatureSchema.nodeOffset("degree");
  private static final int CHARGE = FeatureSchema.nodeOffset("formal_charge");
  private static final int HYBRID = FeatureSchema.nodeOffset("hybridization");
  private static final int AROMATIC = FeatureSchema.nodeOffset("aromatic");
  private static final int TOTAL_H = FeatureSchema.nodeOffset("total_h");
  private static final int IN_RING = FeatureSchema.nodeOffset("in_ring");
  private static final int RING_SIZE = FeatureSchema.nodeOffset("ring_size");
  private static final int CHIRALITY = FeatureSchema.nodeOffset("chirality");
  private static final int MASS = FeatureSchema.nodeOffset("atomic_mass");

  private static final int BOND_TYPE = FeatureSchema.edgeOffset("bond_type");
  private static final int CONJUGATED = FeatureSchema.edgeOffset("conjugated");
  private static final int BOND_RING = FeatureSchema.edgeOffset("in_ring");
  private static final int STEREO = FeatureSchema.edgeOffset("stereo");

  private GraphEncoder() {}

  record Graph(int numAtoms, float[] nodes, int numEdges, int[] edgeIndex, float[] edges) {}

  static Graph encode(ROMol mol) {
    RingInfo rings = mol.getRingInfo();
    try {
      if (!rings.isInitialized()) {
        RDKFuncs.findSSSR(mol);
      }
      int n = (int) mol.getNumAtoms();
      float[] nodes = new float[n * FeatureSchema.NODE_WIDTH];
      for (int i = 0; i < n; i++) {
        Atom atom = mol.getAtomWithIdx(i);
        try {
          encodeAtom(atom, i, rings, nodes, i * FeatureSchema.NODE_WIDTH);
        } finally {
          atom.delete();
        }
      }
      int bonds = (int) mol.getNumBonds();
      int e = 2 * bonds;
      int[] index = new int[2 * e];
      float[] edges = new float[e * FeatureSchema.EDGE_WIDTH];
      for (int k = 0; k < bonds; k++) {
        Bond bond = mol.getBondWithIdx(k);
        try {
          int a = (int) bond.getBeginAtomIdx();
          int b = (int) bond.getEndAtomIdx();
          index[2 * k] = a;
          index[2 * k + 1] = b;
          index[e + 2 * k] = b;
          index[e + 2 * k + 1] = a;
          int row = 2 * k * FeatureSchema.EDGE_WIDTH;
          encodeBond(bond, k, rings, edges, row);
          System.arraycopy(
              edges, row, edges, row + FeatureSchema.EDGE_WIDTH, FeatureSchema.EDGE_WIDTH);
        } finally {
          bond.delete();
        }
      }
      return new Graph(n, nodes, e, index, edges);
    } finally {
      rings.delete();
    }
  }

  private static void encodeAtom(Atom atom, long idx, RingInfo rings, float[] out, int at) {
    out[at + ELEMENT + FeatureSchema.elementSlot(atom.getAtomicNum())] = 1f;
    out[at + DEGREE + (int) Math.min(atom.getDegree(), 6)] = 1f;
    out[at + CHARGE + Math.max(-2, Math.min(2, atom.getFormalCharge())) + 2] = 1f;
    out[at + HYBRID + hybridSlot(atom.getHybridization())] = 1f;
    out[at + AROMATIC] = atom.getIsAromatic() ? 1f : 0f;
    out[at + TOTAL_H + (int) Math.min(atom.getTotalNumHs(), 4)] = 1f;
    boolean inRing = rings.numAtomRings(idx) > 0;
    out[at + IN_RING] = inRing ? 1f : 0f;
    if (inRing) {
      for (int size = 3; size <= 8; size++) {
        out[at + RING_SIZE + size - 3] = rings.isAtomInRingOfSize(idx, size) ? 1f : 0f;
      }
    }
    out[at + CHIRALITY + chiralSlot(atom.getChiralTag())] = 1f;
    out[at + MASS] = (float) (atom.getMass() / 100.0);
  }

  private static void encodeBond(Bond bond, long idx, RingInfo rings, float[] out, int at) {
    out[at + BOND_TYPE + bondTypeSlot(bond.getBondType())] = 1f;
    out[at + CONJUGATED] = bond.getIsConjugated() ? 1f : 0f;
    out[at + BOND_RING] = rings.numBondRings(idx) > 0 ? 1f : 0f;
    out[at + STEREO + stereoSlot(bond.getStereo())] = 1f;
  }

  private static int hybridSlot(Atom.HybridizationType h) {
    if (h == Atom.HybridizationType.S) {
      return 0;
    } else if (h == Atom.HybridizationType.SP) {
      return 1;
    } else if (h == Atom.HybridizationType.SP2) {
      return 2;
    } else if (h == Atom.HybridizationType.SP3) {
      return 3;
    } else if (h == Atom.HybridizationType.SP3D) {
      return 4;
    } else if (h == Atom.HybridizationType.SP3D2) {
      return 5;
    }
    return 6;
  }

  private static int chiralSlot(Atom.ChiralType c) {
    if (c == Atom.ChiralType.CHI_UNSPECIFIED) {
      return 0;
    } else if (c == Atom.ChiralType.CHI_TETRAHEDRAL_CW) {
      return 1;
    } else if (c == Atom.ChiralType.CHI_TETRAHEDRAL_CCW) {
      return 2;
    }
    return 3;
  }

  private static int bondTypeSlot(Bond.BondType t) {
    if (t == Bond.BondType.SINGLE) {
      return 0;
    } else if (t == Bond.BondType.DOUBLE) {
      return 1;
    } else if (t == Bond.BondType.TRIPLE) {
      return 2;
    } else if (t == Bond.BondType.AROMATIC) {
      return 3;
    }
    return 4;
  }

  private static int stereoSlot(Bond.BondStereo s) {
    if (s == Bond.BondStereo.STEREOANY) {
      return 1;
    } else if (s == Bond.BondStereo.STEREOZ) {
      return 2;
    } else if (s == Bond.BondStereo.STEREOE) {
      return 3;
    } else if (s == Bond.BondStereo.STEREOCIS) {
      return 4;
    } else if (s == Bond.BondStereo.STEREOTRANS) {
      return 5;
    }
    return 0;
  }
}
