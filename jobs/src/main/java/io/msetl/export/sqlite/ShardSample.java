package io.msetl.export.sqlite;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * One sample decoded from a shard (either format): the arrays a training loop needs, with their
 * shapes, and the spectrum columns a model may condition on.
 */
public record ShardSample(
    long sampleIndex,
    String compoundId,
    String structureKey,
    String split,
    float[] spectrum,
    int numAtoms,
    int nodeFeatureWidth,
    float[] nodeFeatures,
    int numEdges,
    long[] edgeIndex,
    int edgeFeatureWidth,
    float[] edgeAttr,
    float[] coords,
    String conformerStatus,
    Conditions conditions) {

  /** The conditioning columns of the {@code spectra} table, null where the library gave none. */
  public record Conditions(
      Double precursorMz,
      String precursorType,
      String collisionEnergy,
      String ionMode,
      String instrumentType,
      String spectrumType,
      String instrument) {

    /** The {@code spectra} columns, in record-component order. */
    public static final List<String> COLUMNS =
        List.of(
            "precursor_mz",
            "precursor_type",
            "collision_energy",
            "ion_mode",
            "instrument_type",
            "spectrum_type",
            "instrument");

    /** From a {@code spectra} table row. */
    public static Conditions of(Row spectrum) {
      int p = spectrum.fieldIndex("precursor_mz");
      return new Conditions(
          spectrum.isNullAt(p) ? null : spectrum.getDouble(p),
          text(spectrum, "precursor_type"),
          text(spectrum, "collision_energy"),
          text(spectrum, "ion_mode"),
          text(spectrum, "instrument_type"),
          text(spectrum, "spectrum_type"),
          text(spectrum, "instrument"));
    }

    private static String text(Row r, String column) {
      int i = r.fieldIndex(column);
      return r.isNullAt(i) ? null : r.getString(i);
    }

    /** Equal, with precursor m/z compared as doubles (NaN equal to NaN). */
    public boolean sameAs(Conditions o) {
      return Objects.equals(precursorMz, o.precursorMz)
          && Objects.equals(precursorType, o.precursorType)
          && Objects.equals(collisionEnergy, o.collisionEnergy)
          && Objects.equals(ionMode, o.ionMode)
          && Objects.equals(instrumentType, o.instrumentType)
          && Objects.equals(spectrumType, o.spectrumType)
          && Objects.equals(instrument, o.instrument);
    }
  }
}
