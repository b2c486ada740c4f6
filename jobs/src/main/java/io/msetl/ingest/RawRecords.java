package io.msetl.ingest;

import io.msetl.msp.DelimitedRecordReader;
import io.msetl.msp.LibraryFormat;
import io.msetl.msp.MgfInputFormat;
import io.msetl.msp.MspInputFormat;
import io.msetl.msp.RecordBytes;
import io.msetl.msp.SdfInputFormat;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Reads raw records of many files (globs allowed) split at record boundaries, and numbers them
 * within their file. Numbering needs each split's record count first: a counting pass (one small
 * tuple per split reaches the driver, never a record) gives every split the ordinal of its first
 * record, then the reading pass yields (file, offset, ordinal, bytes). Both passes stream.
 */
final class RawRecords {
  private RawRecords() {}

  /** Record count of one split (the only thing the driver collects). */
  record SplitCount(String file, long start, long count) implements Serializable {
    String key() {
      return file + "@" + start;
    }
  }

  static JavaRDD<RawRecord> read(
      SparkSession spark, List<String> paths, LibraryFormat format, IngestOptions o) {
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    conf.setLong(DelimitedRecordReader.MAX_RECORD_BYTES, o.maxRecordBytes());
    if (format == LibraryFormat.MASSBANK) {
      return MassBankFiles.read(spark, paths, o, new SerializableConf(conf));
    }
    long split = splitSize(conf, paths, o);
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, split);
    conf.setLong(FileInputFormat.SPLIT_MINSIZE, 1L);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Class<? extends FileInputFormat<LongWritable, BytesWritable>> inputFormat =
        switch (format) {
          case MSP -> MspInputFormat.class;
          case SDF -> SdfInputFormat.class;
          case MGF -> MgfInputFormat.class;
          case MASSBANK -> throw new IllegalStateException("MassBank is read by MassBankFiles");
        };
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, BytesWritable> hadoop =
        (JavaNewHadoopRDD<LongWritable, BytesWritable>)
            jsc.newAPIHadoopFile(
                String.join(",", paths),
                inputFormat,
                LongWritable.class,
                BytesWritable.class,
                conf);

    List<SplitCount> counts =
        hadoop.mapPartitionsWithInputSplit(RawRecords::countSplit, true).collect();
    Map<String, Long> firstOrdinal = firstOrdinals(counts);
    JavaRDD<RawRecord> raw =
        hadoop.mapPartitionsWithInputSplit(
            (s, it) -> records((FileSplit) s, it, firstOrdinal.get(key((FileSplit) s))), true);
    if (raw.getNumPartitions() < o.minPartitions()) {
      // Only compressed input ends up here (each .gz is one unsplittable task).
      raw = raw.repartition(o.minPartitions());
    }
    return raw;
  }

  private static String key(FileSplit s) {
    return s.getPath().toString() + "@" + s.getStart();
  }

  private static Iterator<SplitCount> countSplit(
      InputSplit s, Iterator<Tuple2<LongWritable, BytesWritable>> it) {
    long n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    FileSplit fs = (FileSplit) s;
    return List.of(new SplitCount(fs.getPath().toString(), fs.getStart(), n)).iterator();
  }

  static Map<String, Long> firstOrdinals(List<SplitCount> counts) {
    List<SplitCount> sorted = new ArrayList<>(counts);
    sorted.sort(Comparator.comparing(SplitCount::file).thenComparingLong(SplitCount::start));
    Map<String, Long> first = new HashMap<>();
    String file = null;
    long next = 0;
    for (SplitCount c : sorted) {
      if (!c.file().equals(file)) {
        file = c.file();
        next = 0;
      }
      first.put(c.key(), next);
      next += c.count();
    }
    return first;
  }

  private static Iterator<RawRecord> records(
      FileSplit split, Iterator<Tuple2<LongWritable, BytesWritable>> it, long first) {
    String file = split.getPath().toString();
    return new Iterator<>() {
      long ordinal = first;

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public RawRecord next() {
        Tuple2<LongWritable, BytesWritable> t = it.next();
        return RawRecord.of(file, t._1().get(), ordinal++, (RecordBytes) t._2());
      }
    };
  }

  /**
   * Split size giving at least minPartitions splits of the uncompressed input, capped by
   * maxSplitBytes.
   */
  static long splitSize(Configuration conf, List<String> paths, IngestOptions o) {
    long total = 0;
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    try {
      for (String p : paths) {
        Path path = new Path(p);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
          throw new IllegalArgumentException("input path matches no file: " + p);
        }
        for (FileStatus st : matches) {
          if (st.isFile() && codecs.getCodec(st.getPath()) == null) {
            total += st.getLen();
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list input " + paths + ": " + e.getMessage(), e);
    }
    long perPartition = (total + o.minPartitions() - 1) / o.minPartitions();
    return Math.max(1, Math.min(o.maxSplitBytes(), perPartition));
  }
}
