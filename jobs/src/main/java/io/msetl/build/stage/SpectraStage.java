package io.msetl.build.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.msetl.spectrum.SpectrumConfig;
import io.msetl.spectrum.spark.SpectrumStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Spectra: peaks cleaned, binned and normalised; a spectrum with no peak left is a reject. */
public final class SpectraStage {
  private SpectraStage() {}

  /** The result's accepted rows are persisted by the caller. */
  public static Dataset<Row> normalized(Dataset<Row> molecules, SpectrumConfig config) {
    return SpectrumStage.normalize(molecules, config);
  }

  public static StageResult split(Dataset<Row> normalized) {
    return new StageResult(
        normalized.where(col("spectrum_reject_reason").isNull()),
        RejectRows.of(
            normalized
                .where(col("spectrum_reject_reason").isNotNull())
                .withColumn("reject_reason", col("spectrum_reject_reason"))
                .withColumn("reject_message", lit("no peak left after cleaning and range limits")),
            "spectrum"));
  }
}
