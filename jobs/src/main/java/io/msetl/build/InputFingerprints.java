package io.msetl.build;

import io.msetl.digest.Sha256;
import io.msetl.ingest.IngestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * What the inputs were: size and sha256 of every spectrum file. A MOL folder is not hashed file by
 * file (300,000 small files); each compound's content_hash covers its structure text.
 */
final class InputFingerprints {
  private InputFingerprints() {}

  static Map<String, String> of(SparkSession spark, IngestOptions o) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, String> m = new TreeMap<>();
    List<String> files = new ArrayList<>(o.mspPaths());
    files.addAll(o.sdfPaths());
    try {
      for (String glob : files) {
        Path p = new Path(glob);
        FileSystem fs = p.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(p);
        if (matches == null) {
          continue;
        }
        for (FileStatus st : matches) {
          if (st.isFile()) {
            m.put(
                st.getPath().toString(),
                "size=" + st.getLen() + " sha256=" + sha256(fs, st.getPath()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (o.molDir() != null) {
      m.put(
          o.molDir(),
          "MOL folder, pattern " + o.molPattern() + " (hashed per compound in content_hash)");
    }
    return m;
  }

  private static String sha256(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      return Sha256.hex(in);
    }
  }
}
