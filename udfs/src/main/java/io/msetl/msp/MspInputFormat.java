package io.msetl.msp;

/**
 * Hadoop input format for MSP text: one value per record (records separated by one or more blank
 * lines), key = byte offset of the record's first line. Use with {@code
 * sparkContext.newAPIHadoopFile(paths, MspInputFormat.class, LongWritable.class,
 * BytesWritable.class, conf)}.
 */
public final class MspInputFormat extends DelimitedInputFormat {
  @Override
  RecordBoundary boundary() {
    return RecordBoundary.BLANK_LINE;
  }
}
