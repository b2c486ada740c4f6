package io.msetl.msp;

/** Reason codes of the ingest stage (the {@code reason} column of the rejects table). */
public final class MspRejects {
  private MspRejects() {}

  public static final String STAGE = "ingest";

  /** The record holds no peak at all ({@code Num Peaks: 0}, or no peak lines). */
  public static final String NO_PEAKS = "NO_PEAKS";

  /** A line in the peak list is in none of the known peak syntaxes. */
  public static final String UNPARSEABLE_PEAK_LINE = "UNPARSEABLE_PEAK_LINE";

  /** A peak with m/z &le; 0, intensity &lt; 0, or a NaN/infinite value. */
  public static final String NEGATIVE_OR_NONFINITE_PEAK = "NEGATIVE_OR_NONFINITE_PEAK";

  /** {@code Num Peaks} differs from the peaks read (rejected only with the REJECT policy). */
  public static final String NUM_PEAKS_MISMATCH = "NUM_PEAKS_MISMATCH";

  /** A second record follows the peaks without a blank line in between. */
  public static final String MISSING_RECORD_SEPARATOR = "MISSING_RECORD_SEPARATOR";

  /** Another record of the library has the same record id and comes first by (file, offset). */
  public static final String DUPLICATE_ID = "DUPLICATE_ID";

  /** A MassBank record carrying a {@code DEPRECATED:} line (withdrawn by its contributor). */
  public static final String DEPRECATED_RECORD = "DEPRECATED_RECORD";

  /** The record is larger than the configured cap (its head is the excerpt). */
  public static final String RECORD_TOO_LARGE = "RECORD_TOO_LARGE";

  /** MGF text outside any {@code BEGIN IONS} block (not a spectrum). */
  public static final String MALFORMED_BLOCK = "MALFORMED_BLOCK";

  /** No MOL file, SDF molblock, SMILES or InChI for the spectrum. */
  public static final String MISSING_STRUCTURE = "MISSING_STRUCTURE";
}
