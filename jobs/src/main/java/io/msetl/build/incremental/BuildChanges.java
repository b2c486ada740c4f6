package io.msetl.build.incremental;

import io.msetl.tables.TableChange;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a build will write, decided before the first commit, with the numbers the run report shows.
 *
 * @param failures the featurize failures to remember, when they differ from the table's
 * @param rejects every reject of the current input, when they differ from the table's
 */
public record BuildChanges(
    TableChange compounds,
    TableChange spectra,
    TableChange datasetSplits,
    TableChange graphFeatures,
    Dataset<Row> failures,
    Dataset<Row> rejects,
    Counts counts,
    Map<String, Long> rejectCounts,
    Map<String, Long> conformerStatusCounts,
    Map<String, Long> warningCounts,
    List<String> reasons) {

  /** True when no table changes: the run writes nothing but its runs row. */
  public boolean nothingToWrite() {
    return compounds.isEmpty()
        && spectra.isEmpty()
        && datasetSplits.isEmpty()
        && graphFeatures.isEmpty()
        && failures == null
        && rejects == null;
  }

  /** The run report's numbers; input records = compounds + rejects. */
  public record Counts(
      long inputRecords,
      long recordsParsed,
      long recordsRecomputed,
      long rejects,
      long compounds,
      long compoundsAdded,
      long compoundsUpdated,
      long compoundsDeleted,
      long compoundsUnchanged,
      long lineageMoved,
      long distinctStructures,
      long structuresFeaturized,
      long structuresReused,
      long structuresFailedNew,
      long structuresFailedRemembered,
      long graphFeaturesDeleted,
      long previousCompounds) {

    public Map<String, Long> asMap() {
      Map<String, Long> m = new java.util.LinkedHashMap<>();
      m.put("input_records", inputRecords);
      m.put("records_parsed", recordsParsed);
      m.put("records_recomputed", recordsRecomputed);
      m.put("rejects", rejects);
      m.put("compounds", compounds);
      m.put("compounds_added", compoundsAdded);
      m.put("compounds_updated", compoundsUpdated);
      m.put("compounds_deleted", compoundsDeleted);
      m.put("compounds_unchanged", compoundsUnchanged);
      m.put("compounds_lineage_moved", lineageMoved);
      m.put("distinct_structures", distinctStructures);
      m.put("structures_featurized", structuresFeaturized);
      m.put("structures_reused", structuresReused);
      m.put("structures_failed_new", structuresFailedNew);
      m.put("structures_failed_remembered", structuresFailedRemembered);
      m.put("graph_features_deleted", graphFeaturesDeleted);
      return m;
    }
  }
}
