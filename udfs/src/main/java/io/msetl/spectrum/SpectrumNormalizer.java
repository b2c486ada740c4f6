package io.msetl.spectrum;

import java.util.Arrays;

/** Cleans and bins one spectrum. Pure Java, stateless apart from its config, thread-safe. */
public final class SpectrumNormalizer implements java.io.Serializable {
  private final SpectrumConfig config;

  public SpectrumNormalizer(SpectrumConfig config) {
    this.config = config;
  }

  /**
   * Cleans and bins one spectrum.
   *
   * @param mz peak m/z values
   * @param intensity peak intensities, same length
   * @param precursorMz precursor m/z or null (only used when precursor removal is on)
   */
  public NormalizedSpectrum normalize(double[] mz, double[] intensity, Double precursorMz) {
    if (mz == null || intensity == null || mz.length != intensity.length) {
      int n = mz == null ? (intensity == null ? 0 : intensity.length) : mz.length;
      return new NormalizedSpectrum(
          new double[0], new double[0], null, n, 0, 0, NormalizedSpectrum.MALFORMED_PEAKS);
    }
    int n = mz.length;
    Integer[] order = validPeaksByMz(mz, intensity);
    double[] cm = new double[order.length];
    double[] ci = new double[order.length];
    int kept = 0;
    double cut = precursorCut(precursorMz);
    for (Integer idx : order) {
      double m = mz[idx];
      double v = intensity[idx];
      if (m > cut) {
        continue;
      }
      if (kept > 0 && cm[kept - 1] == m) {
        ci[kept - 1] = merge(config.duplicateMerge(), ci[kept - 1], v);
        continue;
      }
      cm[kept] = m;
      ci[kept] = v;
      kept++;
    }
    cm = Arrays.copyOf(cm, kept);
    ci = Arrays.copyOf(ci, kept);
    int dropped = n - kept;
    if (kept == 0) {
      return new NormalizedSpectrum(
          cm, ci, null, dropped, 0, 0, NormalizedSpectrum.NO_PEAKS_AFTER_CLEANING);
    }
    return bin(cm, ci, dropped);
  }

  private NormalizedSpectrum bin(double[] cm, double[] ci, int dropped) {
    int bins = config.numBins();
    double[] acc = new double[bins];
    int below = 0;
    int above = 0;
    for (int i = 0; i < cm.length; i++) {
      long b = (long) Math.floor((cm[i] - config.mzMin()) / config.binWidth() + 0.5);
      if (b < 0) {
        below++;
      } else if (b >= bins) {
        above++;
      } else {
        acc[(int) b] = merge(config.binAggregation(), acc[(int) b], ci[i]);
      }
    }
    if (below + above == cm.length) {
      return new NormalizedSpectrum(
          cm, ci, null, dropped, below, above, NormalizedSpectrum.NO_PEAKS_IN_RANGE);
    }
    double scale = 0;
    for (int b = 0; b < bins; b++) {
      acc[b] = transform(acc[b]);
      scale =
          config.normalization() == SpectrumConfig.Normalization.MAX
              ? Math.max(scale, acc[b])
              : scale + acc[b];
    }
    float[] out = new float[bins];
    for (int b = 0; b < bins; b++) {
      out[b] = (float) (acc[b] / scale);
    }
    return new NormalizedSpectrum(cm, ci, out, dropped, below, above, null);
  }

  /** Indices of finite, positive peaks sorted by m/z (stable: equal m/z keep input order). */
  private static Integer[] validPeaksByMz(double[] mz, double[] intensity) {
    Integer[] idx = new Integer[mz.length];
    int k = 0;
    for (int i = 0; i < mz.length; i++) {
      if (Double.isFinite(mz[i])
          && Double.isFinite(intensity[i])
          && mz[i] > 0
          && intensity[i] > 0) {
        idx[k++] = i;
      }
    }
    Integer[] valid = Arrays.copyOf(idx, k);
    Arrays.sort(valid, (a, b) -> Double.compare(mz[a], mz[b]));
    return valid;
  }

  private double precursorCut(Double precursorMz) {
    if (!config.removePrecursor()
        || precursorMz == null
        || !Double.isFinite(precursorMz)
        || precursorMz <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return precursorMz - config.precursorTolerance();
  }

  private double transform(double v) {
    return switch (config.transform()) {
      case NONE -> v;
      case SQRT -> Math.sqrt(v);
      case LOG -> Math.log1p(v);
    };
  }

  private static double merge(SpectrumConfig.Merge rule, double a, double b) {
    return rule == SpectrumConfig.Merge.SUM ? a + b : Math.max(a, b);
  }
}
