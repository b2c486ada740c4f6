package io.msetl.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The build's accepted rows (one per compound, every stage's columns) mapped to the columns of each
 * per-compound table, next to the contract in {@link Tables}.
 */
public final class TableRows {
  private TableRows() {}

  public static Dataset<Row> compounds(Dataset<Row> a) {
    return a.select(
        col("record_id").as("id"),
        col("name"),
        col("synonyms"),
        col("formula_computed").as("formula"),
        col("formula").as("formula_declared"),
        col("exact_mass_computed").as("exact_mass"),
        col("exact_mass").as("exact_mass_declared"),
        col("mw").as("mw_declared"),
        col("canonical_smiles"),
        col("inchi"),
        col("inchikey"),
        col("inchikey_declared"),
        col("structure_key"),
        col("murcko_scaffold"),
        col("heavy_atoms"),
        col("formal_charge"),
        col("fragment_count"),
        col("fragments_stripped"),
        col("cas"),
        col("nist_number"),
        col("db_number"),
        col("license"),
        col("authors"),
        col("structure_source"),
        col("structure_file"),
        col("source_file"),
        col("byte_offset"),
        col("ordinal"),
        col("raw_sha256"),
        col("content_hash"),
        col("structure_hash"),
        col("split"));
  }

  public static Dataset<Row> spectra(Dataset<Row> a) {
    return a.select(
        col("record_id").as("compound_id"),
        col("spectrum_type"),
        col("ion_mode"),
        col("precursor_type"),
        col("precursor_mz"),
        col("collision_energy"),
        col("instrument"),
        col("instrument_type"),
        col("num_peaks_clean").as("num_peaks"),
        col("clean_mz").as("mz"),
        col("clean_intensity").as("intensity"),
        col("binned").as("normalized_spectrum"),
        col("peaks_below_range"),
        col("peaks_above_range"),
        col("peaks_dropped"),
        col("warnings"),
        col("metadata"),
        col("content_hash"),
        col("split"));
  }

  public static Dataset<Row> datasetSplits(Dataset<Row> a, String splitMethod) {
    return a.select(
        col("record_id").as("compound_id"),
        col("group_key"),
        lit(splitMethod).as("split_method"),
        col("content_hash"),
        col("split"));
  }
}
