package io.msetl.export;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * Turns one of Spark's binary rows (columns c, s, g, d) into an {@link ExportSample}; one per task.
 */
final class SampleDecoder {
  private final Function1<Object, Object> toRow;

  SampleDecoder(StructType schema) {
    this.toRow = CatalystTypeConverters.createToScalaConverter(schema);
  }

  ExportSample decode(InternalRow row) {
    Row r = (Row) toRow.apply(row);
    return new ExportSample(r.getStruct(0), r.getStruct(1), r.getStruct(2), r.getStruct(3));
  }
}
