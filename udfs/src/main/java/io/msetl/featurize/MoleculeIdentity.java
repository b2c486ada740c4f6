package io.msetl.featurize;

import java.io.Serializable;

/**
 * Who a molecule is. All fields describe the <em>parent</em>: the molecule that will be featurized,
 * after the fragment policy (for a salt, the largest organic ion), except {@code inchikeyInput},
 * which is the key of the whole structure as drawn (the one libraries declare, used for the
 * mismatch check).
 *
 * @param structureKey InChIKey of the parent, or its canonical SMILES when InChI fails
 * @param canonicalSmiles RDKit canonical isomeric SMILES of the parent
 * @param inchi standard InChI of the parent, null when InChI generation failed
 * @param inchikey standard InChIKey of the parent, null when InChI generation failed
 * @param inchikeyInput InChIKey of the full input structure, null when InChI failed
 * @param formula Hill formula of the parent, charge appended ({@code C8H20N+}); isotope labels
 *     written out ({@code C2HD3O2}, {@code C5[13C]H12}) so that it agrees with {@code exactMass}
 * @param exactMass monoisotopic mass of the parent (electron mass not subtracted)
 * @param heavyAtoms heavy atoms of the parent (deuterium and tritium are hydrogens: not counted)
 * @param formalCharge net formal charge of the parent
 * @param fragmentCount fragments in the input structure
 * @param fragmentsStripped true when the fragment policy removed fragments
 * @param murckoScaffold canonical non-isomeric SMILES of the Bemis-Murcko scaffold (as RDKit's
 *     MurckoScaffoldSmiles), "" when acyclic
 * @param molblockParent V2000 molblock of the parent, the input of phase 2
 */
public record MoleculeIdentity(
    String structureKey,
    String canonicalSmiles,
    String inchi,
    String inchikey,
    String inchikeyInput,
    String formula,
    double exactMass,
    int heavyAtoms,
    int formalCharge,
    int fragmentCount,
    boolean fragmentsStripped,
    String murckoScaffold,
    String molblockParent)
    implements Serializable {}
