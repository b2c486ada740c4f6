package io.msetl.lightdb;

import java.util.List;

/**
 * Result of a structural check of a LightDB file: the problems found (empty when the file is valid)
 * and the figures the original verifier prints. {@link #lines()} is the printable report.
 */
public record VerifyReport(
    List<String> problems,
    long records,
    long livePages,
    long deletedPages,
    int height,
    double occupancyPercent,
    List<String> lines) {

  public VerifyReport {
    problems = List.copyOf(problems);
    lines = List.copyOf(lines);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
