package io.msetl.ingest;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * MOL files that no record refers to. The folder is listed by one executor task that streams the
 * names (a 300,000-file folder never sits in driver memory), and anti-joined on record id. Only
 * computed when the caller asks for orphan structures.
 */
final class MolListing {
  private MolListing() {}

  static Dataset<Row> unmatched(
      SparkSession spark, IngestOptions o, SerializableConf conf, Dataset<Row> knownIds) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String dir = o.molDir();
    String pattern = o.molPattern();
    JavaRDD<Row> files = jsc.parallelize(List.of(dir), 1).flatMap(d -> list(d, pattern, conf));
    Dataset<Row> mols = spark.createDataFrame(files, IngestSchemas.ORPHANS);
    return mols.join(knownIds, col("record_id").equalTo(col("known_id")), "left_anti");
  }

  /** Regex matching file names of the pattern, case-insensitively, capturing the id. */
  static Pattern namePattern(String pattern) {
    int at = pattern.indexOf("{id}");
    String before = pattern.substring(0, at);
    String after = pattern.substring(at + 4);
    return Pattern.compile(
        Pattern.quote(before) + "(.+)" + Pattern.quote(after), Pattern.CASE_INSENSITIVE);
  }

  private static Iterator<Row> list(String dir, String pattern, SerializableConf conf)
      throws IOException {
    Path p = new Path(dir);
    FileSystem fs = p.getFileSystem(conf.get());
    RemoteIterator<FileStatus> it = fs.listStatusIterator(p);
    Pattern names = namePattern(pattern);
    Iterator<FileStatus> files =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              return it.hasNext();
            } catch (IOException e) {
              throw new UncheckedIOException("listing " + dir, e);
            }
          }

          @Override
          public FileStatus next() {
            try {
              return it.next();
            } catch (IOException e) {
              throw new UncheckedIOException("listing " + dir, e);
            }
          }
        };
    return Parsing.mapSkippingNulls(
        files,
        st -> {
          Matcher m = names.matcher(st.getPath().getName());
          return st.isFile() && m.matches()
              ? RowFactory.create(m.group(1), st.getPath().toString())
              : null;
        });
  }
}
