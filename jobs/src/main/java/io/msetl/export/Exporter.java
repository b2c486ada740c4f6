package io.msetl.export;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.msetl.digest.Sha256;
import io.msetl.export.sqlite.ArrayCodec;
import io.msetl.tables.TableStore;
import io.msetl.tables.TableStores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Exports pinned table versions to per-split shards: joins each split's samples, orders them by
 * compound id (then spectrum content), numbers them 0..n-1, and writes shard k (samples
 * k*R..k*R+R-1) in its own Spark task. Publication is atomic (see {@link Publisher}).
 */
public final class Exporter {
  /**
   * Bytes per sample not counted from the array blobs: ids, names, SMILES, metadata JSON, index
   * entries.
   */
  private static final long TEXT_BYTES_PER_SAMPLE = 600;

  private static final int SIZE_SAMPLE = 256;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final SparkSession spark;
  private final Consumer<String> progress;

  public Exporter(SparkSession spark, Consumer<String> progress) {
    this.spark = spark;
    this.progress = progress;
  }

  /**
   * The outcome: which export, where, and whether it had been published already (a no-op re-run).
   */
  public record Result(
      String exportId, String exportDir, boolean alreadyPublished, Manifest manifest) {}

  public Result run(ExportOptions o) throws Exception {
    List<ShardFormat> formats = ShardFormats.parse(String.join(",", o.formats()));
    TableStore store = TableStores.open(spark, o.tableFormat(), o.tables());
    TableVersions.Pinned pinned = TableVersions.resolve(store, o.tableVersion());
    if (pinned.note() != null) {
      progress.accept(pinned.note());
    }
    Map<String, Long> versions = pinned.versions();
    HadoopConf hadoop = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    Map<String, Object> config = config(o, formats, versions);
    String configHash = Sha256.hex(json(config));
    String tablesRoot =
        new Path(o.tables())
            .getFileSystem(hadoop.toConfiguration())
            .makeQualified(new Path(o.tables()))
            .toString();
    String exportId =
        "v"
            + versions.get("compounds")
            + "-"
            + Sha256.hex(json(config) + "\n" + tablesRoot).substring(0, 12);
    Publisher publisher = new Publisher(hadoop, o.out());

    if (publisher.isPublished(exportId)) {
      // A finished export is never rewritten; a crash between publish and pointer update is
      // repaired here.
      if (!publisher.latest().map(exportId::equals).orElse(false)) {
        publisher.pointLatestAt(exportId);
      }
      Manifest m =
          Manifest.fromJson(
              publisher.readText(new Path(publisher.exportDir(exportId), Publisher.MANIFEST)));
      progress.accept("export " + exportId + " is already published; nothing to do");
      return new Result(exportId, publisher.exportDir(exportId).toString(), true, m);
    }

    BuildRun build = pinned.run();
    Map<String, String> allVersions = new TreeMap<>(build.versions());
    allVersions.put("msetl_exporter", exporterVersion());
    allVersions.put("sqlite_jdbc", org.sqlite.SQLiteJDBCLoader.getVersion());
    Map<String, String> shardMeta = new TreeMap<>();
    shardMeta.put("feature_schema", build.featureSchema() == null ? "null" : build.featureSchema());
    shardMeta.put("versions", json(allVersions));
    shardMeta.put("table_versions", json(versions));
    shardMeta.put("table_format", o.tableFormat().sparkFormat());
    shardMeta.put("config_hash", configHash);

    Path staging = publisher.newStaging(exportId);
    progress.accept(
        "exporting tables " + versions + " as " + exportId + " (staging in " + staging + ")");
    Map<String, Manifest.SplitSummary> splits = new LinkedHashMap<>();
    List<ShardFile> files =
        new ArrayList<>(
            exportSplits(
                new ExportInputs(store, versions), o, formats, shardMeta, staging, hadoop, splits));
    files.sort(
        Comparator.comparing(ShardFile::split)
            .thenComparing(ShardFile::format)
            .thenComparing(ShardFile::shardIndex));
    Manifest manifest =
        new Manifest(
            Manifest.FORMAT_VERSION,
            exportId,
            tablesRoot,
            o.tableFormat().sparkFormat(),
            versions,
            configHash,
            config,
            build.featureSchema(),
            build.asMap(),
            allVersions,
            splits,
            files);
    publisher.writeText(new Path(staging, Publisher.MANIFEST), manifest.toJson());
    ExportHooks.beforePublish();
    publisher.publish(staging, exportId);
    progress.accept(
        "published "
            + publisher.exportDir(exportId)
            + " and pointed "
            + Publisher.LATEST
            + " at it");
    return new Result(exportId, publisher.exportDir(exportId).toString(), false, manifest);
  }

  /**
   * One Spark pass over every split: counts, numbering, then one task per shard. Fills {@code
   * summaries}.
   */
  private List<ShardFile> exportSplits(
      ExportInputs inputs,
      ExportOptions o,
      List<ShardFormat> formats,
      Map<String, String> meta,
      Path staging,
      HadoopConf hadoop,
      Map<String, Manifest.SplitSummary> summaries) {
    List<String> splits = o.splits().stream().distinct().sorted().toList();
    Dataset<Row> joined = inputs.joined(splits).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> included = new TreeMap<>();
      Map<String, Map<String, Long>> excluded = new TreeMap<>();
      for (Row r :
          joined.groupBy(col("split"), col(ExportInputs.EXCLUSION)).count().collectAsList()) {
        if (r.isNullAt(1)) {
          included.put(r.getString(0), r.getLong(2));
        } else {
          excluded
              .computeIfAbsent(r.getString(0), k -> new TreeMap<>())
              .put(r.getString(1), r.getLong(2));
        }
      }
      excluded.forEach(
          (split, reasons) -> progress.accept(split + ": excluded from shards " + reasons));
      Dataset<Row> sorted =
          joined
              .where(col(ExportInputs.EXCLUSION).isNull())
              .orderBy(col("split"), col("order_id"), col("order_tiebreak"))
              .select(col("c"), col("s"), col("g"), col("d"));
      // Spark's own binary rows travel through the shuffle: boxing every array element into a
      // Row and Java-serializing it was the export's main cost.
      StructType schema = sorted.schema();
      JavaRDD<InternalRow> samples =
          sorted
              .queryExecution()
              .toRdd()
              .toJavaRDD()
              .map(InternalRow::copy)
              .persist(StorageLevel.MEMORY_AND_DISK_SER());
      try {
        long[] counts = splits.stream().mapToLong(s -> included.getOrDefault(s, 0L)).toArray();
        long rowsPerShard =
            o.shardRows() > 0 ? o.shardRows() : rowsForBytes(samples, schema, o.shardBytes());
        ShardPlan plan = new ShardPlan(splits, counts, rowsPerShard);
        List<ShardFile> written =
            plan.totalShards() == 0
                ? List.of()
                : samples
                    .zipWithIndex()
                    .mapToPair(Exporter::byIndex)
                    .repartitionAndSortWithinPartitions(new ShardPartitioner(plan))
                    .mapPartitionsWithIndex(
                        new ShardTask(plan, schema, meta, formats, staging.toString(), hadoop),
                        false)
                    .collect();
        for (String split : o.splits()) {
          long n = included.getOrDefault(split, 0L);
          summaries.put(
              split,
              new Manifest.SplitSummary(
                  n, plan.shardCount(split), rowsPerShard, excluded.getOrDefault(split, Map.of())));
          progress.accept(
              split
                  + ": "
                  + n
                  + " samples in "
                  + plan.shardCount(split)
                  + " shard(s) of up to "
                  + rowsPerShard);
        }
        return written;
      } finally {
        samples.unpersist(false);
      }
    } finally {
      joined.unpersist(false);
    }
  }

  private static Tuple2<Long, InternalRow> byIndex(Tuple2<InternalRow, Long> t) {
    return new Tuple2<>(t._2(), t._1());
  }

  /**
   * Rows per shard for a byte target, from the compressed size of the split's first samples
   * (deterministic).
   */
  static long rowsForBytes(JavaRDD<InternalRow> samples, StructType schema, long shardBytes) {
    SampleDecoder decoder = new SampleDecoder(schema);
    List<ExportSample> first = samples.take(SIZE_SAMPLE).stream().map(decoder::decode).toList();
    if (first.isEmpty()) {
      return 1;
    }
    long total = 0;
    try (ArrayCodec codec = new ArrayCodec()) {
      for (ExportSample s : first) {
        total += TEXT_BYTES_PER_SAMPLE;
        total +=
            codec.floats(s.spectrum().getList(s.spectrum().fieldIndex("normalized_spectrum")))
                .length;
        total += codec.doubles(s.spectrum().getList(s.spectrum().fieldIndex("mz"))).length * 2L;
        total += codec.floats(s.graph().getList(s.graph().fieldIndex("node_features"))).length;
        total += codec.longs(s.graph().getList(s.graph().fieldIndex("edge_index"))).length;
        total += codec.floats(s.graph().getList(s.graph().fieldIndex("edge_attr"))).length;
      }
    }
    return Math.max(1, shardBytes / Math.max(1, total / first.size()));
  }

  private static Map<String, Object> config(
      ExportOptions o, List<ShardFormat> formats, Map<String, Long> versions) {
    Map<String, Object> c = new LinkedHashMap<>();
    // Part of the export id: a new shard format is a new export, never a no-op re-run of an old
    // one.
    c.put("shard_format_version", Manifest.FORMAT_VERSION);
    c.put("table_format", o.tableFormat().sparkFormat());
    c.put("table_versions", versions);
    c.put("formats", formats.stream().map(ShardFormat::name).toList());
    c.put("splits", o.splits());
    c.put("shard_rows", o.shardRows());
    c.put("shard_bytes", o.shardRows() > 0 ? 0 : o.shardBytes());
    return c;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String exporterVersion() {
    String v = Exporter.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
