package io.msetl.msp;

/**
 * Hadoop input format for SD files: one value per molecule (records end at a {@code $$$$} line).
 */
public final class SdfInputFormat extends DelimitedInputFormat {
  @Override
  RecordBoundary boundary() {
    return RecordBoundary.DOLLARS;
  }
}
