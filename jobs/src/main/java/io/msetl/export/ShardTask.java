package io.msetl.export;

import io.msetl.digest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Runs in one Spark task per shard: writes the shard in every requested format into a local
 * temporary folder, then copies each file to the export's staging folder through the Hadoop
 * FileSystem API (so the output may be HDFS/S3/file://), hashing while it copies.
 */
final class ShardTask
    implements Function2<Integer, Iterator<Tuple2<Long, InternalRow>>, Iterator<ShardFile>> {
  private final ShardPlan plan;
  private final StructType schema;
  private final Map<String, String> meta;
  private final List<ShardFormat> formats;
  private final String stagingDir;
  private final HadoopConf hadoop;

  ShardTask(
      ShardPlan plan,
      StructType schema,
      Map<String, String> meta,
      List<ShardFormat> formats,
      String stagingDir,
      HadoopConf hadoop) {
    this.plan = plan;
    this.schema = schema;
    this.meta = Map.copyOf(meta);
    this.formats = List.copyOf(formats);
    this.stagingDir = stagingDir;
    this.hadoop = hadoop;
  }

  @Override
  public Iterator<ShardFile> call(Integer partition, Iterator<Tuple2<Long, InternalRow>> samples)
      throws Exception {
    SampleDecoder decoder = new SampleDecoder(schema);
    ShardPlan.ShardSlot slot = plan.slot(partition);
    ShardSpec spec =
        new ShardSpec(slot.split(), slot.shardIndex(), slot.shardCount(), slot.firstSample(), meta);
    Path local = Files.createTempDirectory("msetl-" + spec.baseName() + "-");
    List<ShardSink> sinks = new ArrayList<>();
    try {
      for (ShardFormat f : formats) {
        sinks.add(f.open(spec, local));
      }
      long rows = 0;
      while (samples.hasNext()) {
        Tuple2<Long, InternalRow> s = samples.next();
        ExportSample sample = decoder.decode(s._2());
        for (ShardSink sink : sinks) {
          sink.add(s._1() - slot.offset(), sample);
        }
        rows++;
      }
      List<ShardFile> out = new ArrayList<>();
      for (int i = 0; i < sinks.size(); i++) {
        for (Path file : sinks.get(i).finish()) {
          out.add(upload(file, spec, formats.get(i).name(), rows));
        }
      }
      return out.iterator();
    } finally {
      sinks.forEach(ShardSink::close);
      deleteTree(local);
    }
  }

  private ShardFile upload(Path file, ShardSpec spec, String format, long rows) throws IOException {
    String relative = spec.split() + "/" + file.getFileName();
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(stagingDir, relative);
    TaskContext tc = TaskContext.get();
    String attempt = tc == null ? "0" : Long.toString(tc.taskAttemptId());
    org.apache.hadoop.fs.Path partial =
        new org.apache.hadoop.fs.Path(stagingDir, relative + ".attempt-" + attempt);
    FileSystem fs = hadoop.fileSystem(target);
    MessageDigest sha = Sha256.newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha);
        OutputStream out = fs.create(partial, true)) {
      in.transferTo(out);
    }
    // A retried or speculative attempt writes the same bytes; the last rename wins harmlessly.
    fs.delete(target, false);
    if (!fs.rename(partial, target)) {
      throw new IOException("cannot move " + partial + " to " + target);
    }
    return new ShardFile(
        spec.split(),
        format,
        spec.shardIndex(),
        relative,
        rows,
        spec.firstSample(),
        Files.size(file),
        Sha256.toHex(sha.digest()));
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Temporary files only; the OS temp cleaner takes what is left.
    }
  }
}
