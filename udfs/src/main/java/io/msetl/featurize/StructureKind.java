package io.msetl.featurize;

import java.util.Locale;

/** How the {@code structure} text of a record is written. */
public enum StructureKind {
  MOLBLOCK,
  SMILES,
  INCHI;

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
