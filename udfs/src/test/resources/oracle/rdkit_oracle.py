"""Independent oracle for msetl's identity columns: Debian's python3-rdkit (2022.09).

stdin: one line per molecule, "id<TAB>molfile path<TAB>SMILES computed by msetl (RDKit 2020.09)".
stdout: "id<TAB>canonical SMILES from the molfile<TAB>msetl's SMILES re-canonicalised here
<TAB>formula<TAB>exact mass<TAB>heavy atoms<TAB>bonds<TAB>Murcko scaffold SMILES".
Re-canonicalising msetl's SMILES lets the test tell a different molecule from a different
canonical spelling between RDKit versions.
"""
import sys

from rdkit import Chem, RDLogger
from rdkit.Chem import Descriptors, rdMolDescriptors
from rdkit.Chem.Scaffolds import MurckoScaffold

RDLogger.DisableLog("rdApp.*")

for line in sys.stdin:
    ident, path, java_smiles = line.rstrip("\n").split("\t")
    mol = Chem.MolFromMolFile(path)
    if mol is None:
        print(f"{ident}\tNONE\t\t\t\t\t\t")
        continue
    recanon = Chem.MolToSmiles(Chem.MolFromSmiles(java_smiles))
    print("\t".join([
        ident,
        Chem.MolToSmiles(mol),
        recanon,
        rdMolDescriptors.CalcMolFormula(mol, True, True),  # isotopes written out, as msetl does
        repr(Descriptors.ExactMolWt(mol)),
        str(mol.GetNumHeavyAtoms()),
        str(mol.GetNumBonds()),
        MurckoScaffold.MurckoScaffoldSmiles(mol=mol),
    ]))
