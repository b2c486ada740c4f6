package io.msetl.msp;

/** Hadoop input format for MGF: one value per {@code BEGIN IONS} block (ends at END IONS). */
public final class MgfInputFormat extends DelimitedInputFormat {
  @Override
  RecordBoundary boundary() {
    return RecordBoundary.END_IONS;
  }
}
