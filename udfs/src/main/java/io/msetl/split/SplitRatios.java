package io.msetl.split;

import java.io.Serializable;

/** Fractions of groups that go to train, val and test; they sum to 1. */
public record SplitRatios(double train, double val, double test) implements Serializable {
  public static final SplitRatios DEFAULT = new SplitRatios(0.8, 0.1, 0.1);

  public SplitRatios {
    if (train < 0 || val < 0 || test < 0 || Math.abs(train + val + test - 1.0) > 1e-9) {
      throw new IllegalArgumentException(
          "split ratios must be three non-negative numbers that sum to 1, got "
              + train
              + ","
              + val
              + ","
              + test);
    }
  }

  /** Parses {@code 0.8,0.1,0.1}. */
  public static SplitRatios parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "split ratios need three numbers train,val,test, got '" + text + "'");
    }
    try {
      return new SplitRatios(
          Double.parseDouble(parts[0].trim()),
          Double.parseDouble(parts[1].trim()),
          Double.parseDouble(parts[2].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "split ratios need three numbers train,val,test, got '" + text + "'");
    }
  }
}
