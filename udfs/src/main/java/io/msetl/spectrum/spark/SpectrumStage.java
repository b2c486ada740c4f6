package io.msetl.spectrum.spark;

import io.msetl.spectrum.NormalizedSpectrum;
import io.msetl.spectrum.SpectrumConfig;
import io.msetl.spectrum.SpectrumNormalizer;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spectrum cleaning and binning as a Spark transformation (pure Java, no RDKit). */
public final class SpectrumStage {

  /** Columns {@link #normalize} appends, in order. */
  public static final StructType SPECTRUM_COLUMNS =
      new StructType()
          .add("clean_mz", DataTypes.createArrayType(DataTypes.DoubleType, false))
          .add("clean_intensity", DataTypes.createArrayType(DataTypes.DoubleType, false))
          .add("binned", DataTypes.createArrayType(DataTypes.FloatType, false))
          .add("num_peaks_clean", DataTypes.IntegerType)
          .add("peaks_above_range", DataTypes.IntegerType)
          .add("peaks_below_range", DataTypes.IntegerType)
          .add("peaks_dropped", DataTypes.IntegerType)
          .add("spectrum_reject_reason", DataTypes.StringType);

  private SpectrumStage() {}

  /**
   * Adds {@link #SPECTRUM_COLUMNS} to every row. Input needs {@code mz} and {@code intensity}
   * (array&lt;double&gt;; null elements count as invalid peaks) and {@code precursor_mz} (double,
   * nullable).
   */
  public static Dataset<Row> normalize(Dataset<Row> in, SpectrumConfig config) {
    for (String c : new String[] {"mz", "intensity", "precursor_mz"}) {
      if (!List.of(in.columns()).contains(c)) {
        throw new IllegalArgumentException(
            "input lacks column " + c + "; it has " + List.of(in.columns()));
      }
    }
    StructType inSchema = in.schema();
    StructType outSchema = inSchema;
    for (StructField f : SPECTRUM_COLUMNS.fields()) {
      outSchema = outSchema.add(f);
    }
    int mz = inSchema.fieldIndex("mz");
    int intensity = inSchema.fieldIndex("intensity");
    int precursor = inSchema.fieldIndex("precursor_mz");
    int width = inSchema.size();
    SpectrumNormalizer normalizer = new SpectrumNormalizer(config);
    MapFunction<Row, Row> fn =
        row -> {
          Double p = row.isNullAt(precursor) ? null : row.getDouble(precursor);
          NormalizedSpectrum s = normalizer.normalize(doubles(row, mz), doubles(row, intensity), p);
          Object[] values = new Object[width + SPECTRUM_COLUMNS.size()];
          for (int i = 0; i < width; i++) {
            values[i] = row.get(i);
          }
          values[width] = s.cleanMz();
          values[width + 1] = s.cleanIntensity();
          values[width + 2] = s.binned();
          values[width + 3] = s.numPeaksClean();
          values[width + 4] = s.peaksAboveRange();
          values[width + 5] = s.peaksBelowRange();
          values[width + 6] = s.peaksDropped();
          values[width + 7] = s.rejectReason();
          return RowFactory.create(values);
        };
    return in.map(fn, Encoders.row(outSchema));
  }

  /** A Spark array column as double[], null elements as NaN (dropped and counted later). */
  static double[] doubles(Row row, int field) {
    if (row.isNullAt(field)) {
      return null;
    }
    List<Object> list = row.getList(field);
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = list.get(i);
      out[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
    }
    return out;
  }
}
