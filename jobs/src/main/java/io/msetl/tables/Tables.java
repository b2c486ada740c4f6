package io.msetl.tables;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import io.msetl.featurize.spark.GraphFeatureColumn;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The six tables msetl writes, with their exact schemas: the contract between the build job, the
 * exporters and anyone reading the tables from Spark SQL or a notebook.
 *
 * <p>Schemas are spelled out here rather than inferred from whatever the stages happen to produce,
 * so that a change in a stage can never silently change a table. Arrays are declared with nullable
 * elements because that is how Delta and Parquet hand them back; msetl never writes a null element.
 */
public enum Tables {
  /** One row per library record (compound id = the library's {@code ID:}); partitioned by split. */
  COMPOUNDS(
      "compounds",
      "id",
      "split",
      new StructType(
          new StructField[] {
            field(
                "id",
                StringType,
                false,
                "the library's record id (ID:, DB#, NIST#, ACCESSION, SPECTRUMID; see docs/input-formats.md)"),
            field("name", StringType, true, "Name: as written"),
            field("synonyms", createArrayType(StringType, true), true, "Synon: lines"),
            field(
                "formula",
                StringType,
                true,
                "molecular formula computed by RDKit from the structure"),
            field("formula_declared", StringType, true, "Formula: as written in the library"),
            field("exact_mass", DoubleType, true, "monoisotopic mass computed by RDKit"),
            field("exact_mass_declared", DoubleType, true, "ExactMass: as written"),
            field("mw_declared", DoubleType, true, "MW: as written"),
            field(
                "canonical_smiles",
                StringType,
                true,
                "RDKit canonical isomeric SMILES of the featurized molecule"),
            field("inchi", StringType, true, "standard InChI computed by RDKit"),
            field("inchikey", StringType, true, "standard InChIKey computed by RDKit"),
            field("inchikey_declared", StringType, true, "InChIKey: as written in the library"),
            field(
                "structure_key",
                StringType,
                true,
                "key of the row in graph_features (InChIKey, or canonical SMILES)"),
            field("murcko_scaffold", StringType, true, "Bemis-Murcko scaffold SMILES"),
            field("heavy_atoms", IntegerType, true, "heavy atoms of the featurized molecule"),
            field(
                "formal_charge", IntegerType, true, "net formal charge of the featurized molecule"),
            field("fragment_count", IntegerType, true, "fragments in the structure as given"),
            field(
                "fragments_stripped",
                BooleanType,
                true,
                "true when salt/solvent fragments were removed"),
            field("cas", StringType, true, "CAS#/CASNO as written"),
            field("nist_number", StringType, true, "NIST# as written"),
            field("db_number", StringType, true, "DB# as written"),
            field(
                "license",
                StringType,
                true,
                "the record's licence: MassBank LICENSE:, MSP License: or a license= comment pair"),
            field("authors", StringType, true, "the record's authors (MassBank AUTHORS:)"),
            field(
                "structure_source",
                StringType,
                true,
                "MOL_FILE, SDF, or <format>_SMILES / <format>_INCHI (MSP_, MGF_, MASSBANK_)"),
            field("structure_file", StringType, true, "file the structure was read from"),
            field("source_file", StringType, false, "lineage: MSP/SDF file of the record"),
            field(
                "byte_offset",
                LongType,
                false,
                "lineage: byte offset of the record in source_file"),
            field("ordinal", LongType, false, "lineage: 0-based record number in source_file"),
            field("raw_sha256", StringType, false, "lineage: sha256 of the record's raw bytes"),
            field(
                "content_hash",
                StringType,
                false,
                "sha256 over the raw record, its structure text and the featurizer, spectrum and split settings: changes iff the inputs of this compound's rows change"),
            field(
                "structure_hash",
                StringType,
                false,
                "sha256 of the featurizer hash and this record's parent molblock: the input its structure would give graph_features"),
            field("split", StringType, false, "train, val or test (partition column)"),
          })),

  /** One row per spectrum; {@code compound_id} references compounds.id; partitioned by split. */
  SPECTRA(
      "spectra",
      "compound_id",
      "split",
      new StructType(
          new StructField[] {
            field("compound_id", StringType, false, "compounds.id"),
            field("spectrum_type", StringType, true, "Spectrum_type: (MS, MS2, ...)"),
            field("ion_mode", StringType, true, "Ion_mode: P/N"),
            field("precursor_type", StringType, true, "adduct, e.g. [M+H]+"),
            field("precursor_mz", DoubleType, true, "PrecursorMZ:"),
            field("collision_energy", StringType, true, "Collision_energy: as written"),
            field("instrument", StringType, true, "Instrument:"),
            field("instrument_type", StringType, true, "Instrument_type:"),
            field("num_peaks", IntegerType, false, "peaks after cleaning"),
            field("mz", createArrayType(DoubleType, true), false, "cleaned peak m/z, ascending"),
            field(
                "intensity",
                createArrayType(DoubleType, true),
                false,
                "cleaned peak intensities as published"),
            field(
                "normalized_spectrum",
                createArrayType(FloatType, true),
                false,
                "binned, normalized dense float32 vector"),
            field(
                "peaks_below_range",
                IntegerType,
                false,
                "cleaned peaks below the binning range (not in the vector)"),
            field(
                "peaks_above_range",
                IntegerType,
                false,
                "cleaned peaks above the binning range (not in the vector)"),
            field(
                "peaks_dropped",
                IntegerType,
                false,
                "non-finite / non-positive peaks removed by cleaning"),
            field(
                "warnings",
                createArrayType(StringType, true),
                true,
                "record-level warnings, e.g. NUM_PEAKS_MISMATCH"),
            field(
                "metadata",
                createMapType(StringType, StringType, true),
                true,
                "every field of the record, canonical key -> value"),
            field("content_hash", StringType, false, "compounds.content_hash of the compound"),
            field("split", StringType, false, "train, val or test (partition column)"),
          })),

  /**
   * One row per distinct structure ({@code structure_key}); many records (replicate spectra, MS/MS
   * at several energies) share one structure, which is featurized once.
   */
  GRAPH_FEATURES(
      "graph_features",
      "structure_key",
      null,
      GraphFeatureColumn.schema(GraphFeatureColumn.View.TABLE)),

  /**
   * Structures whose featurization was rejected, remembered with the input that failed so the next
   * builds do not pay for them again until the structure or the featurizer changes.
   */
  FEATURIZE_FAILURES(
      "featurize_failures",
      "structure_key",
      null,
      new StructType(
          new StructField[] {
            field("structure_key", StringType, false, "compounds.structure_key of the structure"),
            field("input_hash", StringType, false, "graph_features.input_hash it would have had"),
            field("featurizer_hash", StringType, false, "graph_features.featurizer_hash"),
            field("reason", StringType, false, "reject reason code"),
            field("message", StringType, true, "what went wrong, in words"),
            field("run_id", StringType, false, "the run that first tried it"),
          })),

  /** One row per compound: its split and why. Partitioned by split. */
  DATASET_SPLITS(
      "dataset_splits",
      "compound_id",
      "split",
      new StructType(
          new StructField[] {
            field("compound_id", StringType, false, "compounds.id"),
            field("group_key", StringType, false, "the key the split is a function of"),
            field("split_method", StringType, false, "inchikey_block1, scaffold or random_id"),
            field("content_hash", StringType, false, "compounds.content_hash of the compound"),
            field("split", StringType, false, "train, val or test (partition column)"),
          })),

  /** One row per rejected record or compound. */
  REJECTS(
      "rejects",
      null,
      null,
      new StructType(
          new StructField[] {
            field("stage", StringType, false, "ingest, structure, featurize, spectrum, ..."),
            field("reason", StringType, false, "reason code"),
            field("message", StringType, true, "what was wrong, in words"),
            field("record_id", StringType, true, "the record's id when known"),
            field("source_file", StringType, true, "lineage"),
            field("byte_offset", LongType, false, "lineage (-1 when not applicable)"),
            field("ordinal", LongType, false, "lineage (-1 when not applicable)"),
            field("raw_excerpt", StringType, true, "start of the raw record"),
          })),

  /** One row per run of a job; appended, never overwritten. */
  RUNS(
      "runs",
      "run_id",
      null,
      new StructType(
          new StructField[] {
            field("run_id", StringType, false, "unique id of the run"),
            field("command", StringType, false, "build, nightly, ..."),
            field("started_at", StringType, false, "ISO-8601 UTC"),
            field("finished_at", StringType, false, "ISO-8601 UTC"),
            field("outcome", StringType, false, "SUCCEEDED or FAILED"),
            field("error", StringType, true, "one-line error of a FAILED run"),
            field("config_json", StringType, false, "effective configuration"),
            field("config_hash", StringType, false, "sha256 of config_json"),
            field(
                "input_fingerprints",
                createMapType(StringType, StringType, false),
                false,
                "input path -> size/sha256"),
            field(
                "versions",
                createMapType(StringType, StringType, false),
                false,
                "msetl, Spark, Delta, RDKit, Java"),
            field("feature_schema", StringType, false, "feature schema JSON"),
            field(
                "counts",
                createMapType(StringType, LongType, false),
                false,
                "rows per table and per stage"),
            field(
                "reject_counts",
                createMapType(StringType, LongType, false),
                false,
                "stage/reason -> rows"),
            field(
                "conformer_status_counts",
                createMapType(StringType, LongType, false),
                false,
                "status -> structures"),
            field(
                "stage_seconds",
                createMapType(StringType, DoubleType, false),
                false,
                "wall seconds per stage"),
            field(
                "table_versions",
                createMapType(StringType, LongType, false),
                true,
                "table -> version it had when the run committed: the run's consistent snapshot"),
          }));

  private final String tableName;
  private final String keyColumn;
  private final String partitionColumn;
  private final StructType schema;

  Tables(String tableName, String keyColumn, String partitionColumn, StructType schema) {
    this.tableName = tableName;
    this.keyColumn = keyColumn;
    this.partitionColumn = partitionColumn;
    this.schema = schema;
  }

  /** The tables a build writes and a run's snapshot pins (everything but {@code runs}). */
  public static java.util.List<Tables> data() {
    return java.util.Arrays.stream(values()).filter(t -> t != RUNS).toList();
  }

  /** The column that identifies a row (incremental builds merge on it), or null for rejects. */
  public String keyColumn() {
    return keyColumn;
  }

  /** Folder name under the output root, and the name used in reports. */
  public String tableName() {
    return tableName;
  }

  /** The column the table is partitioned by, or null. */
  public String partitionColumn() {
    return partitionColumn;
  }

  public StructType schema() {
    return schema;
  }

  public List<String> columnNames() {
    return List.of(schema.fieldNames());
  }

  private static StructField field(String name, DataType type, boolean nullable, String comment) {
    return new StructField(name, type, nullable, Metadata.empty()).withComment(comment);
  }
}
