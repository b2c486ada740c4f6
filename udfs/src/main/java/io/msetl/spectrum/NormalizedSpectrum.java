package io.msetl.spectrum;

/**
 * A cleaned spectrum and its dense binned vector. Counts add up: {@code input peaks =
 * cleanMz.length + peaksDropped}, and {@code cleanMz.length = peaks binned + peaksBelowRange +
 * peaksAboveRange}: out-of-range peaks stay in the clean peak list and are counted, never silently
 * lost.
 *
 * @param cleanMz ascending, distinct, finite, positive m/z
 * @param cleanIntensity intensities as given (merged duplicates per the config), positive
 * @param binned dense float32 vector of {@link SpectrumConfig#numBins()}, null when rejected
 * @param peaksDropped input peaks removed: non-finite or non-positive m/z or intensity, merged
 *     duplicates, and precursor removal
 * @param peaksBelowRange clean peaks below the first bin
 * @param peaksAboveRange clean peaks above the last bin
 * @param rejectReason null, {@code MALFORMED_PEAKS}, {@code NO_PEAKS_AFTER_CLEANING} or {@code
 *     NO_PEAKS_IN_RANGE}
 */
public record NormalizedSpectrum(
    double[] cleanMz,
    double[] cleanIntensity,
    float[] binned,
    int peaksDropped,
    int peaksBelowRange,
    int peaksAboveRange,
    String rejectReason) {

  public static final String MALFORMED_PEAKS = "MALFORMED_PEAKS";
  public static final String NO_PEAKS_AFTER_CLEANING = "NO_PEAKS_AFTER_CLEANING";
  public static final String NO_PEAKS_IN_RANGE = "NO_PEAKS_IN_RANGE";

  public int numPeaksClean() {
    return cleanMz == null ? 0 : cleanMz.length;
  }
}
