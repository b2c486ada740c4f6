package io.msetl.ingest;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schemas of the three ingest outputs and of the internal row that carries all of them. */
public final class IngestSchemas {
  private IngestSchemas() {}

  /** One accepted spectrum with its structure (the build job's input). */
  public static final StructType RECORDS =
      new StructType(
          new StructField[] {
            createStructField("record_id", StringType, false),
            createStructField("name", StringType, true),
            createStructField("synonyms", createArrayType(StringType, false), true),
            createStructField("formula", StringType, true),
            createStructField("mw", DoubleType, true),
            createStructField("exact_mass", DoubleType, true),
            createStructField("cas", StringType, true),
            createStructField("nist_number", StringType, true),
            createStructField("db_number", StringType, true),
            createStructField("inchikey_declared", StringType, true),
            createStructField("smiles_declared", StringType, true),
            createStructField("inchi_declared", StringType, true),
            createStructField("spectrum_type", StringType, true),
            createStructField("ion_mode", StringType, true),
            createStructField("precursor_type", StringType, true),
            createStructField("precursor_mz", DoubleType, true),
            createStructField("collision_energy", StringType, true),
            createStructField("instrument", StringType, true),
            createStructField("instrument_type", StringType, true),
            createStructField("comments", StringType, true),
            createStructField("license", StringType, true),
            createStructField("authors", StringType, true),
            createStructField("metadata", createMapType(StringType, StringType, true), true),
            createStructField("mz", createArrayType(DoubleType, false), true),
            createStructField("intensity", createArrayType(DoubleType, false), true),
            createStructField("num_peaks_declared", IntegerType, true),
            createStructField("warnings", createArrayType(StringType, false), true),
            createStructField("source_file", StringType, false),
            createStructField("byte_offset", LongType, false),
            createStructField("ordinal", LongType, false),
            createStructField("raw_sha256", StringType, false),
            createStructField("structure", StringType, true),
            createStructField("structure_kind", StringType, true),
            createStructField("structure_source", StringType, true),
            createStructField("structure_file", StringType, true),
          });

  /** A structure (MOL file or SDF molecule) that no spectrum refers to. */
  public static final StructType ORPHANS =
      new StructType(
          new StructField[] {
            createStructField("record_id", StringType, true),
            createStructField("structure_file", StringType, true),
          });

  /** Row kinds of the internal wide row. */
  static final String SPECTRUM = "SPECTRUM";

  static final String REJECT = "REJECT";
  static final String ORPHAN = "ORPHAN";

  /** RECORDS + row_kind + reject columns + the head of the raw text (for later rejects). */
  static final StructType WIDE = wide();

  private static StructType wide() {
    List<StructField> f = new ArrayList<>(Arrays.asList(RECORDS.fields()));
    // Reject rows have no sha when decoding failed before hashing: keep every lineage column
    // nullable here.
    f.replaceAll(x -> createStructField(x.name(), x.dataType(), true));
    f.add(createStructField("row_kind", StringType, false));
    f.add(createStructField("reject_reason", StringType, true));
    f.add(createStructField("reject_message", StringType, true));
    f.add(createStructField("raw_excerpt", StringType, true));
    return new StructType(f.toArray(StructField[]::new));
  }

  static String[] recordColumns() {
    return RECORDS.fieldNames();
  }
}
