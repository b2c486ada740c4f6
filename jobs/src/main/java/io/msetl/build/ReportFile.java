package io.msetl.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** The JSON run report, {@code <tables>/_reports/<run id>.json}, beside the tables it describes. */
final class ReportFile {
  private ReportFile() {}

  static String write(SparkSession spark, String tablesRoot, BuildReport report) {
    Path p = new Path(new Path(tablesRoot, "_reports"), report.runId() + ".json");
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (FSDataOutputStream out = fs.create(p, true)) {
        out.write(report.toJson().getBytes(StandardCharsets.UTF_8));
      }
      return fs.makeQualified(p).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run report " + p, e);
    }
  }
}
