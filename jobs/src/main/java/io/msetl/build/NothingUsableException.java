package io.msetl.build;

import java.util.Map;

/** The input held no record that could be used: refuse to replace existing tables with nothing. */
public final class NothingUsableException extends RuntimeException {
  public NothingUsableException(String input, Map<String, Long> rejectCounts) {
    super(
        rejectCounts.isEmpty()
            ? "no records found in " + input + " (is it an empty MSP file?); nothing was written"
            : "no usable records in "
                + input
                + ": every record was rejected "
                + rejectCounts
                + (rejectCounts.keySet().stream().anyMatch(k -> k.endsWith("MISSING_STRUCTURE"))
                    ? " (no MOL folder? expected MOL/ID{id}.MOL beside the MSP, see --mol-pattern)"
                    : "")
                + "; nothing was written");
  }
}
