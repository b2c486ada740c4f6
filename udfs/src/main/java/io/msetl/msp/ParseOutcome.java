package io.msetl.msp;

import java.io.Serializable;

/**
 * Result of parsing one raw record: either a record or a rejection (reason code + message). The
 * caller adds lineage (file, offset, ordinal) to turn a rejection into a {@code Reject}.
 */
public record ParseOutcome(
    MspRecord record, String rejectReason, String rejectMessage, String recordId)
    implements Serializable {

  public static ParseOutcome accepted(MspRecord r) {
    return new ParseOutcome(r, null, null, r.recordId());
  }

  public static ParseOutcome rejected(String reason, String message, String recordId) {
    return new ParseOutcome(null, reason, message, recordId);
  }

  public boolean isAccepted() {
    return record != null;
  }
}
