package io.msetl.featurize;

import java.io.Serializable;
import java.util.List;

/**
 * One named slice of a node or edge feature vector.
 *
 * @param name feature name, e.g. {@code element}
 * @param encoding {@code one_hot} (exactly one 1.0 in the slice), {@code flag} (0/1 per slot),
 *     {@code scalar} (a float)
 * @param width number of float32 slots
 * @param vocabulary label of each slot (for one-hot/flags); for scalars the unit and scaling
 */
public record FeatureBlock(String name, String encoding, int width, List<String> vocabulary)
    implements Serializable {

  public FeatureBlock {
    vocabulary = List.copyOf(vocabulary);
    if (width != vocabulary.size()) {
      throw new IllegalArgumentException(
          name + ": width " + width + " but " + vocabulary.size() + " vocabulary entries");
    }
  }

  static FeatureBlock oneHot(String name, List<String> vocabulary) {
    return new FeatureBlock(name, "one_hot", vocabulary.size(), vocabulary);
  }

  static FeatureBlock flags(String name, List<String> slots) {
    return new FeatureBlock(name, "flag", slots.size(), slots);
  }

  static FeatureBlock scalar(String name, String meaning) {
    return new FeatureBlock(name, "scalar", 1, List.of(meaning));
  }
}
