package io.msetl.build;

import java.util.Map;

/** The input held no record that could be used: refuse to replace existing tables with nothing. */
public final class NothingUsableException extends RuntimeException {
  /**
   * @param rejectsAt where the run's rejects were written (beside the tables, not into them), or
   *     null when there were none
   */
  public NothingUsableException(String input, Map<String, Long> rejectCounts, String rejectsAt) {
    super(
        rejectCounts.isEmpty()
            ? "no records found in "
                + input
                + " (is it an empty MSP file?); the tables were left as they were"
            : "no usable records in "
                + input
                + ": every record was rejected "
                + rejectCounts
                + (rejectCounts.keySet().stream().anyMatch(k -> k.endsWith("MISSING_STRUCTURE"))
                    ? " (no MOL folder? expected MOL/ID{id}.MOL beside the MSP, see --mol-pattern)"
                    : "")
                + "; the tables were left as they were"
                + (rejectsAt == null ? "" : ", rejects are in " + rejectsAt));
  }
}
