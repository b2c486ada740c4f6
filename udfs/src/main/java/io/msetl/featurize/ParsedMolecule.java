package io.msetl.featurize;

import org.RDKit.RWMol;

/** A sanitized molecule, or why there is none. The caller owns and deletes {@code mol}. */
record ParsedMolecule(RWMol mol, String rejectReason, String rejectMessage) {
  static ParsedMolecule ok(RWMol mol) {
    return new ParsedMolecule(mol, null, null);
  }

  static ParsedMolecule rejected(String reason, String message) {
    return new ParsedMolecule(null, reason, message);
  }

  boolean isOk() {
    return mol != null;
  }
}
