package io.msetl.msp;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Yields (byte offset, raw record bytes) for the records that <em>start</em> inside a split.
 *
 * <p>A record straddling the split end is read to its end by this split; the next split skips it
 * because its start lies before that split. Whether a split's first line starts a record depends on
 * the line before it, which is read backwards with a positioned read, so no split needs to read
 * anything of the previous split but that one line. Memory is bounded by the largest record.
 * Compressed files are one split each (offsets are then uncompressed offsets).
 */
public final class DelimitedRecordReader extends RecordReader<LongWritable, BytesWritable> {
  /** Hadoop conf key of the record size cap in bytes. */
  public static final String MAX_RECORD_BYTES = "msetl.ingest.max-record-bytes";

  /** Default cap: far above any real library record (MassBank's largest is 0.2 MB). */
  public static final long DEFAULT_MAX_RECORD_BYTES = 8L * 1024 * 1024;

  private final RecordBoundary boundary;
  private int cap = (int) DEFAULT_MAX_RECORD_BYTES;
  private long recordLength;
  private long lineLength; // bytes of `line` in the file (it may hold fewer)
  private long start;
  private long end;
  private long pos;
  private boolean prevIsSeparator;
  private InputStream raw;
  private LineSource lines;
  private final ByteBuf line = new ByteBuf(256);
  private final ByteBuf record = new ByteBuf(4096);
  private final LongWritable key = new LongWritable();
  private final RecordBytes value = new RecordBytes();
  private boolean pending; // `line` holds a line already read at position lineStart
  private long lineStart;

  public DelimitedRecordReader(RecordBoundary boundary) {
    this.boundary = boundary;
  }

  @Override
  public void initialize(InputSplit genericSplit, TaskAttemptContext context) throws IOException {
    FileSplit split = (FileSplit) genericSplit;
    open(split.getPath(), split.getStart(), split.getLength(), context.getConfiguration());
  }

  /** Opens a byte range of a file directly (used by tests and by non-Spark callers). */
  public void open(Path path, long splitStart, long splitLength, Configuration conf)
      throws IOException {
    long max = conf.getLong(MAX_RECORD_BYTES, DEFAULT_MAX_RECORD_BYTES);
    if (max < 1 || max > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException(MAX_RECORD_BYTES + " must be in 1.." + Integer.MAX_VALUE);
    }
    cap = (int) max;
    FileSystem fs = path.getFileSystem(conf);
    FSDataInputStream in = fs.open(path);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    if (codec != null) {
      raw = codec.createInputStream(in);
      start = 0;
      end = Long.MAX_VALUE;
      pos = 0;
      prevIsSeparator = true;
    } else {
      raw = in;
      start = splitStart;
      end = splitStart + splitLength;
      if (start == 0) {
        pos = 0;
        prevIsSeparator = true;
      } else {
        // The first line starting at or after `start`: skip the rest of the line holding start-1.
        in.seek(start - 1);
        pos = start - 1;
        LineSource probe = new LineSource(in);
        long skipped = probe.readLine(line, cap);
        pos += skipped;
        prevIsSeparator = previousLineIsSeparator(in, pos);
        in.seek(pos);
      }
    }
    lines = new LineSource(raw);
  }

  /** Reads the line that ends just before {@code lineStart} backwards and classifies it. */
  private boolean previousLineIsSeparator(FSDataInputStream in, long lineStartPos)
      throws IOException {
    if (lineStartPos <= 0) {
      return true;
    }
    long lineEnd = lineStartPos - 1; // position of its '\n' (or EOF without one)
    int window = 256;
    while (true) {
      long from = Math.max(0, lineEnd - window);
      byte[] buf = new byte[(int) (lineEnd - from)];
      in.readFully(from, buf, 0, buf.length);
      int nl = -1;
      for (int i = buf.length - 1; i >= 0; i--) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      if (nl >= 0 || from == 0) {
        return boundary.isSeparator(buf, nl + 1, buf.length);
      }
      if (buf.length >= cap) {
        return false; // a line longer than a whole record may be is no separator line
      }
      window *= 4;
    }
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    while (true) {
      if (!pending) {
        lineStart = pos;
        long n = lines.readLine(line, cap);
        if (n == 0) {
          return false;
        }
        pos += n;
        lineLength = n;
      }
      pending = false;
      boolean sep = boundary.isSeparator(line.bytes, 0, line.length);
      if (!prevIsSeparator || sep) {
        prevIsSeparator = sep;
        continue;
      }
      long recordStart = lineStart;
      if (recordStart >= end) {
        return false; // owned by the next split
      }
      record.clear();
      recordLength = lineLength;
      record.append(line.bytes, 0, Math.min(line.length, cap));
      prevIsSeparator = readRestOfRecord();
      if (RecordBoundary.isBlank(record.bytes, 0, record.length)) {
        continue; // e.g. blank lines after the last $$$$ of an SDF: no data, nothing lost
      }
      key.set(recordStart);
      value.set(record.bytes, 0, record.length);
      value.setFullLength(recordLength);
      return true;
    }
  }

  /**
   * Appends lines until a separator line (consumed, not appended) or EOF; bytes beyond the cap are
   * counted in {@code recordLength} but not kept.
   */
  private boolean readRestOfRecord() throws IOException {
    while (true) {
      long n = lines.readLine(line, cap);
      if (n == 0) {
        return true;
      }
      pos += n;
      if (boundary.isSeparator(line.bytes, 0, line.length)) {
        return true;
      }
      recordLength += n;
      int room = cap - record.length;
      if (room > 0) {
        record.append(line.bytes, 0, Math.min(room, line.length));
      }
    }
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public BytesWritable getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() {
    if (end == Long.MAX_VALUE || end == start) {
      return 0f;
    }
    return Math.min(1f, (pos - start) / (float) (end - start));
  }

  @Override
  public void close() throws IOException {
    if (raw != null) {
      raw.close();
    }
  }

  /** Growable byte array; avoids an allocation per line. */
  static final class ByteBuf {
    byte[] bytes;
    int length;

    ByteBuf(int capacity) {
      bytes = new byte[capacity];
    }

    void clear() {
      length = 0;
    }

    void append(byte[] src, int off, int len) {
      ensure(length + len);
      System.arraycopy(src, off, bytes, length, len);
      length += len;
    }

    void ensure(int capacity) {
      if (capacity > bytes.length) {
        byte[] grown = new byte[Math.max(capacity, bytes.length * 2)];
        System.arraycopy(bytes, 0, grown, 0, length);
        bytes = grown;
      }
    }
  }

  /** Buffered line reader; a line keeps its terminator so that records keep their exact bytes. */
  static final class LineSource {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int bufPos;
    private int bufLen;

    LineSource(InputStream in) {
      this.in = in;
    }

    /**
     * Reads one line (with its '\n') into {@code out}, keeping at most {@code max} bytes of it;
     * returns bytes consumed (the whole line), 0 at EOF.
     */
    long readLine(ByteBuf out, int max) throws IOException {
      out.clear();
      long consumed = 0;
      while (true) {
        if (bufPos >= bufLen) {
          bufLen = in.read(buf, 0, buf.length);
          bufPos = 0;
          if (bufLen <= 0) {
            bufLen = 0;
            return consumed;
          }
        }
        int i = bufPos;
        while (i < bufLen && buf[i] != '\n') {
          i++;
        }
        boolean found = i < bufLen;
        int take = (found ? i + 1 : i) - bufPos;
        int keep = Math.min(take, max - out.length);
        if (keep > 0) {
          out.append(buf, bufPos, keep);
        }
        consumed += take;
        bufPos += take;
        if (found) {
          return consumed;
        }
      }
    }
  }
}
