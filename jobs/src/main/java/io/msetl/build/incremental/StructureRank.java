package io.msetl.build.incremental;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Source fidelity of a structure, lowest first: a drawn molblock (MOL file or SDF) beats SMILES,
 * which beats InChI (whose tautomer RDKit chooses). The representative of a structure key is its
 * member of lowest rank, then lowest record id, so the graph is the drawn structure whenever any
 * record has one.
 */
final class StructureRank {
  private StructureRank() {}

  static Column of(Column structureSource) {
    // Sources are named <where>_<kind> for line notations (MSP_SMILES, MGF_SMILES, MSP_INCHI, ...)
    // and MOL_FILE / SDF for drawn molblocks; the rank is StructureKind's.
    return when(structureSource.isin("MOL_FILE", "SDF"), lit(0))
        .when(structureSource.endsWith("_SMILES"), lit(1))
        .when(structureSource.endsWith("_INCHI"), lit(2))
        .otherwise(lit(3));
  }
}
