package io.msetl.reject;

import java.io.Serializable;

/**
 * One input record (or compound) that did not make it into the tables, and why.
 *
 * <p>Every stage reports its problems as {@code Reject}s instead of throwing, so that a bad record
 * never crashes a job and never disappears silently: it becomes a row of the {@code rejects} table.
 * Reason codes are upper-snake-case constants owned by the stage that raises them (see {@code
 * MspRejects}, {@code StructureRejects}, {@code FeaturizeRejects}).
 *
 * @param stage pipeline stage that rejected it: {@code ingest}, {@code structure}, {@code
 *     featurize}, {@code spectrum}, ...
 * @param reason machine-readable reason code, e.g. {@code NO_PEAKS}
 * @param message one human sentence naming the problem
 * @param recordId the library's id of the record when known ({@code ID:} / {@code DB#:}), else null
 * @param sourceFile file the record came from
 * @param byteOffset byte offset of the record in that file (-1 when not applicable)
 * @param ordinal 0-based position of the record in that file (-1 when not applicable)
 * @param rawExcerpt the first bytes of the raw record, decoded, for a human to look at
 */
public record Reject(
    String stage,
    String reason,
    String message,
    String recordId,
    String sourceFile,
    long byteOffset,
    long ordinal,
    String rawExcerpt)
    implements Serializable {

  /** Longest raw excerpt kept: enough to recognise a record, small enough for a table row. */
  public static final int MAX_EXCERPT_CHARS = 2000;

  public Reject {
    if (stage == null || reason == null) {
      throw new IllegalArgumentException("a reject needs a stage and a reason code");
    }
    if (rawExcerpt != null && rawExcerpt.length() > MAX_EXCERPT_CHARS) {
      rawExcerpt = rawExcerpt.substring(0, MAX_EXCERPT_CHARS);
    }
  }
}
