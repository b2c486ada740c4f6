package io.msetl.ingest;

import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.msetl.msp.LibraryFormat;
import io.msetl.msp.MspRejects;
import io.msetl.tables.RejectRows;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest stage: MSP, MGF and MassBank records (or SDF molecules) split across tasks at record
 * boundaries, parsed in the executors, joined to their structures, de-duplicated by record id over
 * all inputs together.
 *
 * <p>Structure precedence, first found wins: the record's MOL file ({@code molDir} + {@code
 * molPattern} with the record's {@code ID:}) &gt; an SDF molecule with the same record id &gt;
 * SMILES declared in the record (field, else {@code Comments} pair {@code SMILES}, else {@code
 * computed SMILES}) &gt; InChI declared likewise. {@code inchikey_declared} is carried for the
 * featurizer to check against the structure.
 *
 * <p>Duplicate record ids: the first record by (source_file, byte_offset) is kept, every later one
 * is rejected as {@code DUPLICATE_ID}. Only accepted records take part (a rejected record does not
 * shadow a good one with the same id).
 *
 * <p>Nothing is collected on the driver except one count per input split; the set of duplicated ids
 * (normally tiny) is broadcast.
 */
public final class Ingest {
  private Ingest() {}

  public static IngestResult run(SparkSession spark, IngestOptions o) {
    if (!o.hasTextRecords() && o.sdfPaths().isEmpty()) {
      throw new IllegalArgumentException("nothing to ingest: no MSP, MGF, MassBank or SDF paths");
    }
    Configuration hconf = new Configuration(spark.sparkContext().hadoopConfiguration());
    Parsing parsing = new Parsing(o, new SerializableConf(hconf));
    boolean textMode = o.hasTextRecords();

    Map<LibraryFormat, List<String>> sources = new EnumMap<>(LibraryFormat.class);
    if (textMode) {
      sources.put(LibraryFormat.MSP, o.mspPaths());
      sources.put(LibraryFormat.MGF, o.mgfPaths());
      sources.put(LibraryFormat.MASSBANK, o.massbankPaths());
    } else {
      sources.put(LibraryFormat.SDF, o.sdfPaths());
    }
    Dataset<Row> wide = null;
    Dataset<Row> ids = null;
    for (Map.Entry<LibraryFormat, List<String>> e : sources.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      LibraryFormat f = e.getKey();
      JavaRDD<RawRecord> raw = RawRecords.read(spark, e.getValue(), f, o);
      Dataset<Row> w =
          spark.createDataFrame(
              f == LibraryFormat.SDF
                  ? raw.mapPartitions(parsing::sdfSpectra)
                  : raw.mapPartitions(it -> parsing.textRecords(it, f)),
              IngestSchemas.WIDE);
      Dataset<Row> i =
          spark.createDataFrame(
              raw.mapPartitions(it -> parsing.spectrumIds(it, f)), Parsing.SPECTRUM_IDS);
      wide = wide == null ? w : wide.unionByName(w);
      ids = ids == null ? i : ids.unionByName(i);
    }

    Dataset<Row> spectra = wide.filter(col("row_kind").equalTo(IngestSchemas.SPECTRUM));
    Dataset<Row> sdfStructures = null;
    if (textMode && !o.sdfPaths().isEmpty()) {
      sdfStructures =
          firstPerId(
              spark.createDataFrame(
                  RawRecords.read(spark, o.sdfPaths(), LibraryFormat.SDF, o)
                      .mapPartitions(parsing::sdfStructures),
                  Parsing.SDF_STRUCTURES));
      spectra = withSdfStructures(spectra, sdfStructures);
    }

    // Ids of accepted spectra come from a light pass of their own (parse only, three columns), so
    // that finding the few duplicated ids never shuffles or re-reads the wide rows.
    Dataset<Row> dupFirst =
        ids.groupBy(col("dup_id"))
            .agg(
                count(lit(1)).as("n"),
                min(struct(col("dup_file").as("source_file"), col("dup_offset").as("byte_offset")))
                    .as("first"))
            .filter(col("n").gt(1))
            .drop("n");
    Dataset<Row> flagged =
        spectra
            .join(broadcast(dupFirst), col("record_id").equalTo(col("dup_id")), "left_outer")
            .withColumn(
                "is_dup",
                col("first")
                    .isNotNull()
                    .and(
                        col("first.source_file")
                            .notEqual(col("source_file"))
                            .or(col("first.byte_offset").notEqual(col("byte_offset")))));
    Dataset<Row> kept = flagged.filter(col("is_dup").equalTo(false));

    Dataset<Row> records =
        kept.filter(col("structure").isNotNull()).select(cols(IngestSchemas.recordColumns()));

    Dataset<Row> parseRejects =
        rejectColumns(
            wide.filter(col("row_kind").equalTo(IngestSchemas.REJECT)),
            col("reject_reason"),
            col("reject_message"));
    Dataset<Row> dupRejects =
        rejectColumns(
            flagged.filter(col("is_dup")),
            lit(MspRejects.DUPLICATE_ID),
            concat(
                lit("record id already used by the record at "),
                col("first.source_file"),
                lit(" byte "),
                col("first.byte_offset").cast("string"),
                lit(" (the first one by file and offset is kept)")));
    Dataset<Row> missing =
        rejectColumns(
            kept.filter(col("structure").isNull()),
            lit(MspRejects.MISSING_STRUCTURE),
            lit("no MOL file, SDF molecule, SMILES or InChI for this spectrum"));
    Dataset<Row> rejects = parseRejects.unionByName(dupRejects).unionByName(missing);

    Dataset<Row> orphans = orphans(spark, o, wide, sdfStructures, parsing);
    return new IngestResult(records, rejects, orphans);
  }

  /** One SDF molecule per record id: the first by (file, offset). */
  private static Dataset<Row> firstPerId(Dataset<Row> sdf) {
    Column order = struct(col("sdf_file"), col("sdf_offset"));
    return sdf.groupBy(col("sdf_record_id"))
        .agg(
            min_by(struct(col("sdf_molblock"), col("sdf_file"), col("sdf_warnings")), order)
                .as("m"))
        .select(
            col("sdf_record_id"),
            col("m.sdf_molblock").as("sdf_molblock"),
            col("m.sdf_file").as("sdf_file"),
            col("m.sdf_warnings").as("sdf_warnings"));
  }

  /** MOL file beats SDF; SDF beats declared SMILES / InChI. */
  private static Dataset<Row> withSdfStructures(Dataset<Row> spectra, Dataset<Row> sdf) {
    Column useSdf =
        col("sdf_molblock")
            .isNotNull()
            .and(col("structure_source").isNull().or(col("structure_source").notEqual("MOL_FILE")));
    return spectra
        .join(sdf, col("record_id").equalTo(col("sdf_record_id")), "left_outer")
        .withColumn("structure", when(useSdf, col("sdf_molblock")).otherwise(col("structure")))
        .withColumn(
            "structure_kind", when(useSdf, lit("molblock")).otherwise(col("structure_kind")))
        .withColumn("structure_source", when(useSdf, lit("SDF")).otherwise(col("structure_source")))
        .withColumn(
            "structure_file", when(useSdf, col("sdf_file")).otherwise(col("structure_file")))
        .withColumn(
            "warnings",
            when(useSdf, array_union(col("warnings"), col("sdf_warnings")))
                .otherwise(col("warnings")))
        .drop("sdf_record_id", "sdf_molblock", "sdf_file", "sdf_warnings");
  }

  private static Dataset<Row> orphans(
      SparkSession spark,
      IngestOptions o,
      Dataset<Row> wide,
      Dataset<Row> sdfStructures,
      Parsing parsing) {
    List<Dataset<Row>> parts = new ArrayList<>();
    Dataset<Row> ids =
        wide.filter(col("row_kind").notEqual(IngestSchemas.ORPHAN))
            .select(col("record_id").as("known_id"));
    parts.add(
        wide.filter(col("row_kind").equalTo(IngestSchemas.ORPHAN))
            .select("record_id", "structure_file"));
    if (sdfStructures != null) {
      parts.add(
          sdfStructures
              .join(ids, col("sdf_record_id").equalTo(col("known_id")), "left_anti")
              .select(col("sdf_record_id").as("record_id"), col("sdf_file").as("structure_file")));
    }
    if (o.molDir() != null && o.hasTextRecords()) {
      parts.add(
          MolListing.unmatched(
              spark,
              o,
              new SerializableConf(new Configuration(spark.sparkContext().hadoopConfiguration())),
              ids));
    }
    Dataset<Row> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.unionByName(parts.get(i));
    }
    return all;
  }

  private static Dataset<Row> rejectColumns(Dataset<Row> rows, Column reason, Column message) {
    return RejectRows.of(rows, MspRejects.STAGE, reason, message, col("raw_excerpt"));
  }

  private static Column[] cols(String[] names) {
    Column[] c = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      c[i] = col(names[i]);
    }
    return c;
  }
}
