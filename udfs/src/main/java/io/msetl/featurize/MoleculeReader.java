package io.msetl.featurize;

import org.RDKit.ExtraInchiReturnValues;
import org.RDKit.RDKFuncs;
import org.RDKit.RWMol;

/**
 * Parses and sanitizes a structure exactly as RDKit's default readers do (stereo from wedges and
 * 3D, explicit hydrogens removed), and on failure tells an unreadable text ({@code
 * UNPARSEABLE_STRUCTURE}) from a readable but chemically invalid one ({@code SANITIZE_FAILED}) by
 * re-reading it without sanitization. The second read happens only for failures, so good molecules
 * are parsed once.
 */
final class MoleculeReader {
  private MoleculeReader() {}

  static ParsedMolecule read(String structure, StructureKind kind) {
    if (kind == null) {
      return ParsedMolecule.rejected(
          FeaturizeRejects.UNPARSEABLE_STRUCTURE,
          "structure_kind is not one of molblock, smiles, inchi");
    }
    if (structure == null || structure.isBlank()) {
      return ParsedMolecule.rejected(
          FeaturizeRejects.UNPARSEABLE_STRUCTURE, "the structure text is empty");
    }
    RWMol mol;
    try {
      mol = parse(structure, kind, true);
    } catch (RuntimeException e) {
      return classifyFailure(structure, kind, RdkitErrors.describe(e));
    }
    if (mol == null) {
      return classifyFailure(structure, kind, "RDKit returned no molecule");
    }
    if (mol.getNumAtoms() == 0) {
      mol.delete();
      return ParsedMolecule.rejected(
          FeaturizeRejects.UNPARSEABLE_STRUCTURE, "the structure has no atoms");
    }
    return ParsedMolecule.ok(mol);
  }

  private static RWMol parse(String structure, StructureKind kind, boolean sanitize) {
    return switch (kind) {
      case MOLBLOCK -> RWMol.MolFromMolBlock(structure, sanitize, sanitize);
      case SMILES -> RWMol.MolFromSmiles(structure.trim(), 0, sanitize);
      case INCHI -> {
        ExtraInchiReturnValues extra = new ExtraInchiReturnValues();
        try {
          yield RDKFuncs.InchiToMol(structure.trim(), extra, sanitize, sanitize);
        } finally {
          extra.delete();
        }
      }
    };
  }

  private static ParsedMolecule classifyFailure(
      String structure, StructureKind kind, String sanitizedError) {
    RWMol raw = null;
    try {
      raw = parse(structure, kind, false);
    } catch (RuntimeException e) {
      return ParsedMolecule.rejected(
          FeaturizeRejects.UNPARSEABLE_STRUCTURE,
          "RDKit cannot read the " + kind.name().toLowerCase() + ": " + RdkitErrors.describe(e));
    } finally {
      if (raw != null) {
        raw.delete();
      }
    }
    if (raw == null) {
      return ParsedMolecule.rejected(
          FeaturizeRejects.UNPARSEABLE_STRUCTURE,
          "RDKit cannot read the " + kind.name().toLowerCase() + ": " + sanitizedError);
    }
    return ParsedMolecule.rejected(
        FeaturizeRejects.SANITIZE_FAILED,
        "RDKit reads the structure but cannot sanitize it: " + sanitizedError);
  }
}
