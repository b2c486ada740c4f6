package io.msetl.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.msetl.featurize.FeatureSchema;
import io.msetl.spark.SparkSessions;
import io.msetl.tables.TableFormat;
import io.msetl.tables.TableStore;
import io.msetl.tables.TableStores;
import io.msetl.tables.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;

/**
 * Export time and shard size on generated tables of realistic shape (until real tables exist): N
 * compounds (default 50,000) over 0.8 N structures, 1000-bin spectra with peaks below a
 * per-compound mass, 15-25 atom graphs as wide as the feature schema (58 atom and 13 bond features
 * today), 3D coordinates.
 *
 * <p>Usage: {@code ExportBenchmark [compounds] [workdir] [shard-rows] [formats]} (formats as in
 * {@code --shard-format}, default sqlite); prints numbers, asserts nothing.
 */
public final class ExportBenchmark {
  /** Synthetic graphs as wide as real ones, so the shards weigh what real shards weigh. */
  private static final int NODE = FeatureSchema.NODE_WIDTH;

  private static final int EDGE = FeatureSchema.EDGE_WIDTH;

  /** Node slots from here on are scalars (atomic mass); the ones before are one-hot or flags. */
  private static final int NODE_SCALARS_FROM = FeatureSchema.nodeOffset("atomic_mass");

  private ExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 50_000;
    Path work = Path.of(args.length > 1 ? args[1] : "out/bench-export");
    long shardRows = args.length > 2 ? Long.parseLong(args[2]) : 10_000;
    List<String> formats = List.of(args.length > 3 ? args[3] : "sqlite");
    SparkSession spark = SparkSessions.start("msetl export benchmark", "local[2]", Map.of());
    Path tables = work.resolve("tables");
    if (!Files.exists(tables.resolve("compounds"))) {
      long t0 = System.nanoTime();
      generate(spark, TableStores.open(spark, TableFormat.DELTA, tables.toString()), n);
      System.out.printf(
          "generated tables: %d compounds in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }
    Path out = work.resolve("exports-" + System.nanoTime());
    long t0 = System.nanoTime();
    Exporter.Result r =
        new Exporter(spark, m -> System.out.println("  " + m))
            .run(
                new ExportOptions(
                    tables.toString(),
                    TableFormat.DELTA,
                    "latest",
                    out.toString(),
                    shardRows,
                    0,
                    formats,
                    List.of("train", "val", "test")));
    double seconds = (System.nanoTime() - t0) / 1e9;
    long samples =
        r.manifest().splits().values().stream().mapToLong(Manifest.SplitSummary::samples).sum();
    long shardBytes = r.manifest().files().stream().mapToLong(ShardFile::bytes).sum();
    r.manifest().files().stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                ShardFile::format,
                java.util.TreeMap::new,
                java.util.stream.Collectors.summingLong(ShardFile::bytes)))
        .forEach(
            (format, bytes) -> System.out.printf("  %s files: %.1f MB%n", format, bytes / 1e6));
    long parquetBytes = 0;
    for (Tables t : TableVersions.EXPORTED) {
      parquetBytes += parquetBytes(tables.resolve(t.tableName()));
    }
    System.out.printf(
        "export: %d samples, %d shards in %.1f s on local[2] = %.0f samples/s%n",
        samples, r.manifest().files().size(), seconds, samples / seconds);
    System.out.printf(
        "size: shards %.1f MB, tables (Parquet files of the 4 exported tables) %.1f MB, ratio %.2f%n",
        shardBytes / 1e6, parquetBytes / 1e6, (double) shardBytes / parquetBytes);
    System.out.println("export folder: " + r.exportDir());
    spark.stop();
  }

  private static long parquetBytes(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".parquet"))
          .mapToLong(p -> p.toFile().length())
          .sum();
    }
  }

  private static void generate(SparkSession spark, TableStore store, long n) {
    long structures = Math.max(1, n * 4 / 5);
    Dataset<Row> ids =
        spark
            .range(n)
            .repartition(8)
            .withColumn("cid", expr("format_string('C%07d', id)"))
            .withColumn(
                "split",
                expr(
                    "CASE WHEN pmod(xxhash64(id), 10) < 8 THEN 'train' "
                        + "WHEN pmod(xxhash64(id), 10) = 8 THEN 'val' ELSE 'test' END"))
            .withColumn(
                "skey", expr("format_string('K%07d', pmod(id * 7919, " + structures + "))"));
    store.overwrite(
        Tables.COMPOUNDS,
        fill(
            ids,
            Tables.COMPOUNDS,
            Map.of(
                "id",
                col("cid"),
                "name",
                expr("concat('compound ', id)"),
                "canonical_smiles",
                lit("c1ccccc1CCO"),
                "inchikey",
                expr("concat(skey, '-ABCDEFGHIJ-N')"),
                "structure_key",
                col("skey"),
                "source_file",
                lit("bench.msp"),
                "byte_offset",
                expr("id * 900"),
                "ordinal",
                col("id"),
                "raw_sha256",
                expr("sha2(cast(id AS STRING), 256)"),
                "content_hash",
                expr("sha2(concat('c', id), 256)"))));
    store.overwrite(
        Tables.SPECTRA,
        fill(
            ids.withColumn("mw", expr("80 + pmod(xxhash64(id, 1), 420)")),
            Tables.SPECTRA,
            Map.of(
                "compound_id",
                col("cid"),
                "num_peaks",
                lit(60),
                "mz",
                expr(
                    "transform(sequence(0, 59), i -> cast(1 + pmod(xxhash64(id, i), mw) AS DOUBLE))"),
                "intensity",
                expr(
                    "transform(sequence(0, 59), i -> cast(pmod(xxhash64(i, id), 999) + 1 AS DOUBLE))"),
                "normalized_spectrum",
                expr(
                    "transform(sequence(1, 1000), b -> CASE WHEN b < mw AND pmod(xxhash64(id, b), 8) = 0 "
                        + "THEN cast(pmod(xxhash64(b, id), 1000) / 1000.0 AS FLOAT) ELSE cast(0 AS FLOAT) END)"),
                "peaks_below_range",
                lit(0),
                "peaks_above_range",
                lit(0),
                "peaks_dropped",
                lit(0),
                "metadata",
                expr("map('Name', concat('compound ', id), 'Comment', 'generated')"))));
    Dataset<Row> structs =
        spark
            .range(structures)
            .repartition(8)
            .withColumn("skey", expr("format_string('K%07d', id)"))
            .withColumn("n", expr("15 + cast(pmod(id, 11) AS INT)"));
    store.overwrite(
        Tables.GRAPH_FEATURES,
        fill(
            structs,
            Tables.GRAPH_FEATURES,
            Map.ofEntries(
                Map.entry("structure_key", col("skey")),
                Map.entry("num_atoms", col("n")),
                Map.entry("node_feature_width", lit(NODE)),
                Map.entry(
                    "node_features",
                    expr(
                        "transform(sequence(0, n * "
                            + NODE
                            + " - 1), i -> CASE WHEN pmod(i, "
                            + NODE
                            + ") < "
                            + NODE_SCALARS_FROM
                            + " "
                            + "THEN cast(CASE WHEN pmod(xxhash64(id, i), 9) = 0 THEN 1 ELSE 0 END AS FLOAT) "
                            + "ELSE cast(pmod(xxhash64(i, id), 2000) / 1000.0 - 1 AS FLOAT) END)")),
                Map.entry("num_edges", expr("2 * (n - 1)")),
                Map.entry(
                    "edge_index",
                    expr(
                        "concat(sequence(0, n - 2), sequence(1, n - 1), sequence(1, n - 1), sequence(0, n - 2))")),
                Map.entry("edge_feature_width", lit(EDGE)),
                Map.entry(
                    "edge_attr",
                    expr(
                        "transform(sequence(0, 2 * (n - 1) * "
                            + EDGE
                            + " - 1), i -> cast(CASE WHEN pmod(i, "
                            + EDGE
                            + ") = pmod(xxhash64(id, cast(i / "
                            + EDGE
                            + " AS INT)), 4) THEN 1 ELSE 0 END AS FLOAT))")),
                Map.entry(
                    "coords",
                    expr(
                        "transform(sequence(0, n * 3 - 1), i -> cast(pmod(xxhash64(id, i), 8000) / 1000.0 - 4 AS FLOAT))")),
                Map.entry("conformer_status", lit("OK")),
                Map.entry("force_field", lit("MMFF94")),
                Map.entry("featurizer_version", lit("bench")),
                Map.entry("feature_schema_version", lit("bench")))));
    store.overwrite(
        Tables.DATASET_SPLITS,
        fill(
            ids,
            Tables.DATASET_SPLITS,
            Map.of(
                "compound_id",
                col("cid"),
                "group_key",
                expr("substr(skey, 1, 6)"),
                "split_method",
                lit("inchikey_block1"))));
  }

  /**
   * Every column of the table: the given expressions, the frame's own column of that name, else
   * NULL.
   */
  private static Dataset<Row> fill(Dataset<Row> base, Tables t, Map<String, Column> given) {
    List<String> have = List.of(base.columns());
    Column[] cols = new Column[t.schema().fields().length];
    int i = 0;
    for (StructField f : t.schema().fields()) {
      Column c =
          given.containsKey(f.name())
              ? given.get(f.name())
              : have.contains(f.name()) ? col(f.name()) : lit(null);
      if (f.dataType() instanceof ArrayType a
          && (given.containsKey(f.name()) || have.contains(f.name()))) {
        // The tables' arrays hold no NULL elements, and Spark will not cast nullable elements to
        // non-null ones.
        c = functions.transform(c, x -> functions.coalesce(x, lit(0).cast(a.elementType())));
      }
      cols[i++] = c.cast(f.dataType()).as(f.name());
    }
    return base.select(cols);
  }
}
