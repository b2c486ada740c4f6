package io.msetl.msp;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/** Splittable (uncompressed) input format of raw records keyed by their byte offset. */
abstract class DelimitedInputFormat extends FileInputFormat<LongWritable, BytesWritable> {
  abstract RecordBoundary boundary();

  @Override
  public RecordReader<LongWritable, BytesWritable> createRecordReader(
      InputSplit split, TaskAttemptContext context) {
    return new DelimitedRecordReader(boundary());
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    var codec = new CompressionCodecFactory(context.getConfiguration()).getCodec(file);
    // Only uncompressed files are split: a .gz is one task, read from its first byte.
    return codec == null;
  }
}
