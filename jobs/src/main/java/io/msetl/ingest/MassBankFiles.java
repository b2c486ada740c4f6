package io.msetl.ingest;

import io.msetl.msp.DelimitedRecordReader;
import io.msetl.msp.RecordBoundary;
import io.msetl.msp.RecordBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * MassBank record files ({@code *.txt}, one record per file, 120,000 of them in per-contributor
 * folders in MassBank-data) read in parallel. The driver lists only the top folder's entries; each
 * subfolder is then listed recursively by an executor task, the file names are range-partitioned by
 * path (a few thousand files per task), and every task reads its files whole: each file is cut at
 * its {@code //} lines, so a file holding several records gives them all, numbered from 0 within
 * the file. Hidden entries ({@code .git}, {@code .github}) are skipped.
 */
final class MassBankFiles {
  private MassBankFiles() {}

  /** Files per read task: small tasks keep both cores busy to the end. */
  private static final int FILES_PER_TASK = 1_000;

  /** One thing to list: a file, a folder's own files, or a folder tree. */
  record Unit(String path, boolean recursive) implements java.io.Serializable {}

  static JavaRDD<RawRecord> read(
      SparkSession spark, List<String> paths, IngestOptions o, SerializableConf conf) {
    List<Unit> units = new ArrayList<>();
    List<String> files = new ArrayList<>();
    try {
      for (String p : paths) {
        Path path = new Path(p);
        FileSystem fs = path.getFileSystem(conf.get());
        FileStatus st = fs.getFileStatus(path);
        if (st.isFile()) {
          files.add(st.getPath().toString());
          continue;
        }
        units.add(new Unit(st.getPath().toString(), false)); // its own files, in a task
        RemoteIterator<FileStatus> it = fs.listStatusIterator(st.getPath());
        while (it.hasNext()) {
          FileStatus c = it.next();
          if (c.isDirectory() && !hidden(c.getPath())) {
            units.add(new Unit(c.getPath().toString(), true));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list MassBank input " + paths + ": " + e, e);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<String> listed =
        jsc.parallelize(units, Math.max(1, units.size()))
            .flatMap(u -> list(u, conf).iterator())
            .union(jsc.parallelize(files, 1));
    listed = listed.cache();
    long count = listed.count();
    if (count == 0) {
      listed.unpersist();
      throw new IllegalArgumentException("no MassBank record files (*.txt) under " + paths);
    }
    int tasks = (int) Math.max(o.minPartitions(), (count + FILES_PER_TASK - 1) / FILES_PER_TASK);
    return listed.sortBy(f -> f, true, tasks).mapPartitions(it -> records(it, conf));
  }

  private static boolean hidden(Path p) {
    String n = p.getName();
    return n.startsWith(".") || n.startsWith("_");
  }

  private static boolean isRecordFile(Path p) {
    return !hidden(p) && p.getName().toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  /** The record files of one unit (runs in a task). */
  static List<String> list(Unit u, SerializableConf conf) throws IOException {
    Path root = new Path(u.path());
    FileSystem fs = root.getFileSystem(conf.get());
    List<String> out = new ArrayList<>();
    Deque<Path> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      RemoteIterator<FileStatus> it = fs.listStatusIterator(todo.pop());
      while (it.hasNext()) {
        FileStatus c = it.next();
        if (c.isFile() && isRecordFile(c.getPath())) {
          out.add(c.getPath().toString());
        } else if (c.isDirectory() && u.recursive() && !hidden(c.getPath())) {
          todo.push(c.getPath());
        }
      }
    }
    return out;
  }

  /** Every record of every file of a partition, streamed file by file. */
  private static Iterator<RawRecord> records(Iterator<String> files, SerializableConf conf) {
    return new Iterator<>() {
      DelimitedRecordReader reader;
      String file;
      long ordinal;
      RawRecord next = advance();

      private RawRecord advance() {
        try {
          while (true) {
            if (reader != null && reader.nextKeyValue()) {
              RecordBytes v = (RecordBytes) reader.getCurrentValue();
              return RawRecord.of(file, reader.getCurrentKey().get(), ordinal++, v);
            }
            if (reader != null) {
              reader.close();
              reader = null;
            }
            if (!files.hasNext()) {
              return null;
            }
            file = files.next();
            ordinal = 0;
            Path p = new Path(file);
            long len = p.getFileSystem(conf.get()).getFileStatus(p).getLen();
            reader = new DelimitedRecordReader(RecordBoundary.DOUBLE_SLASH);
            reader.open(p, 0, len, conf.get());
          }
        } catch (IOException e) {
          throw new UncheckedIOException("reading MassBank record " + file, e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public RawRecord next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        RawRecord r = next;
        next = advance();
        return r;
      }
    };
  }
}
