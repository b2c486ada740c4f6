package io.msetl.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What ingest produced; all three are lazy Datasets (nothing is computed or collected until the
 * caller acts on them). Each action re-reads the input: persist them if several are consumed.
 *
 * @param records accepted spectra with their structure ({@link IngestSchemas#RECORDS})
 * @param rejects rejected records (the columns of {@link io.msetl.tables.Tables#REJECTS})
 * @param orphanStructures structures without a spectrum ({@link IngestSchemas#ORPHANS})
 */
public record IngestResult(
    Dataset<Row> records, Dataset<Row> rejects, Dataset<Row> orphanStructures) {}
