package io.msetl.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Tables as plain Parquet folders. Parquet has no transaction log, so every run writes a new
 * snapshot folder ({@code _snapshots/<run id>/<table>}) and publishes it with one pointer file,
 * {@code _snapshots/_log/<version>.json}, naming the folder of each table (a table the run did not
 * change keeps its previous folder). The highest pointer is the current snapshot; older pointers
 * are the earlier versions (time travel while their folders exist). A failed or killed run leaves
 * only an unpublished folder behind. {@code runs} is appended at {@code <root>/runs}, outside the
 * snapshots, so failed runs are recorded too.
 */
public final class ParquetTableStore implements TableStore {
  private final SparkSession spark;
  private final String root;
  private final SnapshotLog log;

  public ParquetTableStore(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
    this.log = new SnapshotLog(fs(), new Path(root, "_snapshots"));
  }

  @Override
  public void overwrite(Tables table, Dataset<Row> rows) {
    if (table == Tables.RUNS) {
      throw new IllegalArgumentException("runs is appended, never overwritten");
    }
    TableWriter w = writer("overwrite-" + java.util.UUID.randomUUID());
    w.replace(table, rows);
    w.commit();
  }

  @Override
  public TableWriter writer(String runId) {
    return new ParquetSnapshotWriter(this, log, new Path(new Path(root, "_snapshots"), runId));
  }

  @Override
  public void append(Tables table, Dataset<Row> rows) {
    if (table != Tables.RUNS) {
      throw new IllegalArgumentException("only runs is appended in Parquet mode");
    }
    write(Conform.toSchema(rows, table), table, "append", new Path(root, table.tableName()));
  }

  void write(Dataset<Row> rows, Tables table, String mode, Path at) {
    DataFrameWriter<Row> w = Conform.toSchema(rows, table).write().format("parquet").mode(mode);
    (table.partitionColumn() == null ? w : w.partitionBy(table.partitionColumn()))
        .save(at.toString());
  }

  Dataset<Row> readFolder(Tables table, String folder) {
    return spark.read().schema(table.schema()).parquet(new Path(root, folder).toString());
  }

  @Override
  public Dataset<Row> read(Tables table) {
    if (table == Tables.RUNS) {
      return spark.read().schema(table.schema()).parquet(new Path(root, "runs").toString());
    }
    return readFolder(table, folder(table, log.latest()).orElseThrow(() -> missing(table)));
  }

  @Override
  public Dataset<Row> readVersion(Tables table, long version) {
    if (table == Tables.RUNS) {
      return read(table);
    }
    Optional<SnapshotLog.Snapshot> s = log.version(version);
    if (s.isEmpty()) {
      throw new IllegalArgumentException(
          "Parquet tables under " + root + " have no snapshot version " + version);
    }
    return readFolder(table, folder(table, s).orElseThrow(() -> missing(table)));
  }

  @Override
  public OptionalLong latestVersion(Tables table) {
    Optional<SnapshotLog.Snapshot> s = log.latest();
    if (table == Tables.RUNS) {
      return exists(table) ? OptionalLong.of(0) : OptionalLong.empty();
    }
    return s.isPresent() && s.get().tables().containsKey(table.tableName())
        ? OptionalLong.of(s.get().version())
        : OptionalLong.empty();
  }

  @Override
  public boolean exists(Tables table) {
    if (table == Tables.RUNS) {
      try {
        return fs().exists(new Path(root, "runs"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder(table, log.latest()).isPresent();
  }

  @Override
  public TableFormat format() {
    return TableFormat.PARQUET;
  }

  @Override
  public String root() {
    return root;
  }

  /** The snapshot folder of a table relative to the root, as a pointer names it. */
  static String relative(Path snapshotDir, Tables table) {
    return "_snapshots/" + snapshotDir.getName() + "/" + table.tableName();
  }

  private static Optional<String> folder(Tables table, Optional<SnapshotLog.Snapshot> s) {
    return s.map(x -> x.tables().get(table.tableName()));
  }

  private IllegalStateException missing(Tables table) {
    return new IllegalStateException(
        "table " + table.tableName() + " does not exist under " + root);
  }

  private FileSystem fs() {
    try {
      return new Path(root).getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
