package io.msetl.featurize;

import io.msetl.rdkit.RdkitNative;
import org.RDKit.ExtraInchiReturnValues;
import org.RDKit.RDKFuncs;
import org.RDKit.ROMol;
import org.RDKit.ROMol_Vect;
import org.RDKit.RWMol;

/**
 * The cheap phase (about 1 ms per molecule): parse, sanitize, apply the fragment policy and compute
 * the identity of the parent molecule. Not thread-safe by contract: use one per thread (per Spark
 * partition). Holds no native state between molecules.
 */
public final class MoleculeIdentifier {
  private final FeaturizerConfig config;

  public MoleculeIdentifier(FeaturizerConfig config) {
    this.config = config;
    RdkitNative.load(config.rdkitLibrary());
  }

  /**
   * Identifies one structure.
   *
   * @param structure molblock, SMILES or InChI text
   * @param kind {@code molblock}, {@code smiles} or {@code inchi}
   * @param declaredInchiKey InChIKey the library declares, or null
   */
  public IdentifyResult identify(String structure, String kind, String declaredInchiKey) {
    ParsedMolecule parsed = MoleculeReader.read(structure, StructureKind.fromName(kind));
    if (!parsed.isOk()) {
      return new IdentifyResult(null, parsed.rejectReason(), parsed.rejectMessage());
    }
    try (NativeScope scope = new NativeScope()) {
      RWMol input = scope.own(parsed.mol(), RWMol::delete);
      MoleculeIdentity identity = identityOf(input, scope);
      if (identity.heavyAtoms() > config.maxHeavyAtoms()) {
        return new IdentifyResult(
            identity,
            FeaturizeRejects.TOO_LARGE,
            "the molecule has "
                + identity.heavyAtoms()
                + " heavy atoms, more than maxHeavyAtoms="
                + config.maxHeavyAtoms());
      }
      String mismatch = inchiKeyMismatch(declaredInchiKey, identity);
      if (mismatch != null) {
        return new IdentifyResult(identity, FeaturizeRejects.INCHIKEY_MISMATCH, mismatch);
      }
      return new IdentifyResult(identity, null, null);
    } catch (RuntimeException e) {
      return new IdentifyResult(
          null,
          FeaturizeRejects.RDKIT_ERROR,
          "RDKit failed while identifying the molecule: " + RdkitErrors.describe(e));
    }
  }

  private MoleculeIdentity identityOf(RWMol input, NativeScope scope) {
    String inchiInput = inchiOf(input);
    String inchikeyInput = keyOf(inchiInput);
    ROMol_Vect fragments = scope.own(RDKFuncs.getMolFrags(input, true), ROMol_Vect::delete);
    int fragmentCount = (int) fragments.size();
    ROMol parent = input;
    if (fragmentCount > 1 && config.fragmentPolicy() == FragmentPolicy.LARGEST_ORGANIC) {
      parent = largestOrganic(fragments, scope);
    }
    String smiles = RDKFuncs.MolToSmiles(parent);
    String inchi = parent == input ? inchiInput : inchiOf(parent);
    String inchikey = parent == input ? inchikeyInput : keyOf(inchi);
    ROMol scaffold = scope.own(RDKFuncs.MurckoDecompose(parent), ROMol::delete);
    String murcko =
        scaffold == null || scaffold.getNumAtoms() == 0
            ? ""
            : RDKFuncs.MolToSmiles(scaffold, false); // no stereo: the usual scaffold-split key
    return new MoleculeIdentity(
        inchikey != null ? inchikey : smiles,
        smiles,
        inchi,
        inchikey,
        inchikeyInput,
        // Isotopes written out (D, T, [13C]) so the formula agrees with the exact mass beside it.
        RDKFuncs.calcMolFormula(parent, true, true),
        RDKFuncs.calcExactMW(parent),
        (int) parent.getNumHeavyAtoms(),
        RDKFuncs.getFormalCharge(parent),
        fragmentCount,
        parent != input,
        murcko,
        RDKFuncs.MolToMolBlock(parent));
  }

  private static ROMol largestOrganic(ROMol_Vect fragments, NativeScope scope) {
    ROMol best = null;
    boolean bestOrganic = false;
    long bestHeavy = -1;
    String bestSmiles = null;
    for (int i = 0; i < fragments.size(); i++) {
      ROMol frag = scope.own(fragments.get(i), ROMol::delete);
      boolean organic = hasCarbon(frag);
      long heavy = frag.getNumHeavyAtoms();
      String smiles = RDKFuncs.MolToSmiles(frag);
      boolean better =
          best == null
              || (organic && !bestOrganic)
              || (organic == bestOrganic && heavy > bestHeavy)
              || (organic == bestOrganic && heavy == bestHeavy && smiles.compareTo(bestSmiles) < 0);
      if (better) {
        best = frag;
        bestOrganic = organic;
        bestHeavy = heavy;
        bestSmiles = smiles;
      }
    }
    return best;
  }

  private static boolean hasCarbon(ROMol mol) {
    for (long i = 0; i < mol.getNumAtoms(); i++) {
      org.RDKit.Atom atom = mol.getAtomWithIdx(i);
      try {
        if (atom.getAtomicNum() == 6) {
          return true;
        }
      } finally {
        atom.delete();
      }
    }
    return false;
  }

  private String inchiKeyMismatch(String declared, MoleculeIdentity identity) {
    if (declared == null || declared.isBlank() || config.inchiKeyCheck() == InchiKeyCheck.OFF) {
      return null;
    }
    String want = declared.trim().toUpperCase(java.util.Locale.ROOT);
    // A library may declare the key of the whole salt or of the parent; either one is consistent.
    for (String computed : new String[] {identity.inchikeyInput(), identity.inchikey()}) {
      if (computed != null && sameKey(want, computed)) {
        return null;
      }
    }
    if (identity.inchikeyInput() == null) {
      return null; // nothing computed to compare with; InChI failure is not a mismatch
    }
    return "declared InChIKey "
        + want
        + " differs from the computed "
        + identity.inchikeyInput()
        + (config.inchiKeyCheck() == InchiKeyCheck.FIRST_BLOCK ? " (first block)" : "");
  }

  private boolean sameKey(String declared, String computed) {
    if (config.inchiKeyCheck() == InchiKeyCheck.FULL) {
      return declared.equals(computed);
    }
    return declared.length() >= 14
        && computed.length() >= 14
        && declared.regionMatches(0, computed, 0, 14);
  }

  private static String keyOf(String inchi) {
    return inchi == null ? null : blankToNull(RDKFuncs.InchiToInchiKey(inchi));
  }

  /** Standard InChI, or null when the InChI library refuses the molecule. */
  private static String inchiOf(ROMol mol) {
    ExtraInchiReturnValues extra = new ExtraInchiReturnValues();
    try {
      return blankToNull(RDKFuncs.MolToInchi(mol, extra));
    } finally {
      extra.delete();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
