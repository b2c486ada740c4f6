package io.msetl.featurize;

import java.util.Locale;

/**
 * How the {@code structure} text of a record is written, in order of source fidelity: a drawn
 * molblock (MOL file, SDF) keeps the depositor's tautomer, charges and stereo; SMILES is a faithful
 * line notation; InChI is normalised (mobile H), so RDKit's reading of it may be another tautomer
 * of the compound (a lactam read as its lactim).
 */
public enum StructureKind {
  MOLBLOCK,
  SMILES,
  INCHI;

  /** Fidelity rank of a kind name: 0 molblock, 1 SMILES, 2 InChI, 3 unknown (lower is better). */
  public static int fidelityRank(String name) {
    StructureKind k = fromName(name);
    return k == null ? values().length : k.ordinal();
  }

  /** Parses {@code molblock|smiles|inchi} (any case); null when the text names no known kind. */
  public static StructureKind fromName(String name) {
    if (name == null) {
      return null;
    }
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "molblock", "mol", "molfile" -> MOLBLOCK;
      case "smiles" -> SMILES;
      case "inchi" -> INCHI;
      default -> null;
    };
  }
}
