package io.msetl.split;

import io.msetl.digest.Sha256;
import java.io.Serializable;

/**
 * Assigns train/val/test as a pure function of (salt, group key, ratios). Nothing about the run —
 * partitioning, order, other compounds, the date — can move a compound to another split, so nightly
 * rebuilds never leak a test molecule into train.
 */
public final class SplitAssigner implements Serializable {
  public static final String TRAIN = "train";
  public static final String VAL = "val";
  public static final String TEST = "test";

  private final String salt;
  private final SplitRatios ratios;

  public SplitAssigner(String salt, SplitRatios ratios) {
    this.salt = salt;
    this.ratios = ratios;
  }

  public String splitOf(String groupKey) {
    double u = uniform(groupKey);
    if (u < ratios.train()) {
      return TRAIN;
    }
    return u < ratios.train() + ratios.val() ? VAL : TEST;
  }

  /** A number in [0, 1) from the first 53 bits of sha256(salt ":" key): uniform and stable. */
  double uniform(String groupKey) {
    byte[] h = Sha256.digest(salt + ":" + groupKey);
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (h[i] & 0xFF);
    }
    return (bits >>> 11) * 0x1.0p-53;
  }

  /**
   * The group key of a compound under a method; falls back to the structure key when the method's
   * key is empty.
   */
  public static String groupKey(
      SplitMethod method,
      String compoundId,
      String inchikey,
      String scaffold,
      String structureKey) {
    String key =
        switch (method) {
          case INCHIKEY_BLOCK1 ->
              inchikey == null || inchikey.length() < 14 ? null : inchikey.substring(0, 14);
          case SCAFFOLD -> scaffold;
          case RANDOM_ID -> compoundId;
        };
    return key == null || key.isEmpty() ? structureKey : key;
  }
}
