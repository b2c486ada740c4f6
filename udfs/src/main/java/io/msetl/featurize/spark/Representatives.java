package io.msetl.featurize.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import io.msetl.featurize.StructureKind;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The one structure featurized for each {@code structure_key}. Records sharing a key (same
 * InChIKey) may carry different drawings of it: a molblock, a SMILES, an InChI that RDKit reads as
 * another tautomer. The representative is the record whose structure came from the most faithful
 * source ({@link StructureKind} order: molblock, then SMILES, then InChI), ties broken by the
 * smallest record id, so the graph is the drawn structure whenever any record has one and never
 * depends on partitioning.
 */
public final class Representatives {
  private Representatives() {}

  private static final UserDefinedFunction RANK =
      udf((UDF1<String, Integer>) StructureKind::fidelityRank, DataTypes.IntegerType)
          .asNonNullable();

  /** Fidelity rank of a {@code structure_kind} column (0 best). */
  public static Column rank(Column structureKind) {
    return RANK.apply(structureKind);
  }

  /**
   * Input: identified molecules ({@code structure_key}, {@code record_id}, {@code structure_kind},
   * {@code structure_source}, {@code molblock_parent}). Output: one row per key with {@code
   * structure_key}, {@code molblock_parent}, {@code structure_source} of the representative.
   */
  public static Dataset<Row> of(Dataset<Row> molecules) {
    MoleculeStage.requireColumns(
        molecules,
        "structure_key",
        "record_id",
        "structure_kind",
        "structure_source",
        "molblock_parent");
    return molecules
        .groupBy("structure_key")
        .agg(
            min(struct(
                    rank(col("structure_kind")).as("rank"),
                    col("record_id"),
                    col("molblock_parent"),
                    col("structure_source")))
                .as("rep"))
        .select(
            col("structure_key"),
            col("rep.molblock_parent").as("molblock_parent"),
            col("rep.structure_source").as("structure_source"));
  }
}
