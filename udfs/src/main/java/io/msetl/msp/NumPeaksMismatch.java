package io.msetl.msp;

/** What to do when {@code Num Peaks} disagrees with the number of peaks read. */
public enum NumPeaksMismatch {
  /** Keep the record with the peaks read, add a {@code NUM_PEAKS_MISMATCH} warning (default). */
  WARN,
  /** Reject the record with reason {@code NUM_PEAKS_MISMATCH}. */
  REJECT
}
