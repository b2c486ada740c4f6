package io.msetl.spectrum;

import java.io.Serializable;

/**
 * How spectra are cleaned and binned. Immutable and Serializable (shipped to executors).
 *
 * <p>Binning: bin {@code i} is centred at {@code mzMin + i * binWidth} and covers half a bin width
 * either side, so with the EI defaults (width 1, m/z 1-1000) there are 1000 bins and a unit-mass
 * peak at m/z 57 lands in bin 56; fractional m/z round to the nearest centre. Intensity pipeline
 * for the dense vector: aggregate the peaks of each bin ({@link #binAggregation()}), apply {@link
 * #transform()}, then {@link #normalization()}.
 *
 * @param binWidth bin width in m/z units (default 1.0)
 * @param mzMin centre of the first bin (default 1.0)
 * @param mzMax centre of the last bin (default 1000.0)
 * @param transform NONE, SQRT or LOG (log1p), applied after binning (default NONE)
 * @param normalization MAX (largest bin = 1) or L1 (bins sum to 1) (default MAX)
 * @param duplicateMerge how peaks with exactly equal m/z are merged: MAX (default; a peak listed
 *     twice is one peak) or SUM
 * @param binAggregation how distinct peaks falling in one bin combine: SUM (default) or MAX
 * @param removePrecursor drop the precursor and everything heavier (default false)
 * @param precursorTolerance peaks with m/z > precursor - tolerance are removed (default 0.5)
 */
public record SpectrumConfig(
    double binWidth,
    double mzMin,
    double mzMax,
    Transform transform,
    Normalization normalization,
    Merge duplicateMerge,
    Merge binAggregation,
    boolean removePrecursor,
    double precursorTolerance)
    implements Serializable {

  public enum Transform {
    NONE,
    SQRT,
    LOG
  }

  public enum Normalization {
    MAX,
    L1
  }

  public enum Merge {
    MAX,
    SUM
  }

  public SpectrumConfig {
    if (!(binWidth > 0) || !Double.isFinite(binWidth)) {
      throw new IllegalArgumentException("binWidth must be a positive number, got " + binWidth);
    }
    if (!Double.isFinite(mzMin) || !Double.isFinite(mzMax) || mzMin < 0 || mzMax < mzMin) {
      throw new IllegalArgumentException(
          "m/z range must satisfy 0 <= mzMin <= mzMax, got " + mzMin + ".." + mzMax);
    }
    if (transform == null
        || normalization == null
        || duplicateMerge == null
        || binAggregation == null) {
      throw new IllegalArgumentException("transform, normalization and merge rules must be set");
    }
    if (!(precursorTolerance >= 0)) {
      throw new IllegalArgumentException(
          "precursorTolerance must be >= 0, got " + precursorTolerance);
    }
    if ((mzMax - mzMin) / binWidth > 10_000_000) {
      throw new IllegalArgumentException(
          "more than 10 million bins: (mzMax - mzMin) / binWidth = " + (mzMax - mzMin) / binWidth);
    }
  }

  /** NIST EI defaults: 1 Da bins centred on m/z 1..1000, no transform, max-normalized. */
  public static SpectrumConfig defaults() {
    return new SpectrumConfig(
        1.0, 1.0, 1000.0, Transform.NONE, Normalization.MAX, Merge.MAX, Merge.SUM, false, 0.5);
  }

  public int numBins() {
    return (int) Math.floor((mzMax - mzMin) / binWidth + 1e-9) + 1;
  }

  public SpectrumConfig withBinning(double width, double min, double max) {
    return new SpectrumConfig(
        width,
        min,
        max,
        transform,
        normalization,
        duplicateMerge,
        binAggregation,
        removePrecursor,
        precursorTolerance);
  }

  public SpectrumConfig withTransform(Transform t) {
    return new SpectrumConfig(
        binWidth,
        mzMin,
        mzMax,
        t,
        normalization,
        duplicateMerge,
        binAggregation,
        removePrecursor,
        precursorTolerance);
  }

  public SpectrumConfig withNormalization(Normalization n) {
    return new SpectrumConfig(
        binWidth,
        mzMin,
        mzMax,
        transform,
        n,
        duplicateMerge,
        binAggregation,
        removePrecursor,
        precursorTolerance);
  }

  public SpectrumConfig withDuplicateMerge(Merge m) {
    return new SpectrumConfig(
        binWidth,
        mzMin,
        mzMax,
        transform,
        normalization,
        m,
        binAggregation,
        removePrecursor,
        precursorTolerance);
  }

  public SpectrumConfig withBinAggregation(Merge m) {
    return new SpectrumConfig(
        binWidth,
        mzMin,
        mzMax,
        transform,
        normalization,
        duplicateMerge,
        m,
        removePrecursor,
        precursorTolerance);
  }

  public SpectrumConfig withPrecursorRemoval(boolean remove, double tolerance) {
    return new SpectrumConfig(
        binWidth,
        mzMin,
        mzMax,
        transform,
        normalization,
        duplicateMerge,
        binAggregation,
        remove,
        tolerance);
  }
}
