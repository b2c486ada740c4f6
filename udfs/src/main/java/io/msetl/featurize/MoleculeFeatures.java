package io.msetl.featurize;

/**
 * The graph of one molecule, laid out as described in {@link FeatureSchema}.
 *
 * @param numAtoms graph nodes n
 * @param nodeFeatures float32 n x {@link FeatureSchema#NODE_WIDTH}, row-major
 * @param numEdges directed edges E (2 per bond)
 * @param edgeIndex int32 2 x E row-major: all sources, then all targets
 * @param edgeAttr float32 E x {@link FeatureSchema#EDGE_WIDTH}, row-major
 * @param conformer coordinates and how they were obtained
 * @param canonicalSmiles canonical SMILES of the featurized molecule (the seed's source)
 */
public record MoleculeFeatures(
    int numAtoms,
    float[] nodeFeatures,
    int numEdges,
    int[] edgeIndex,
    float[] edgeAttr,
    ConformerResult conformer,
    String canonicalSmiles) {

  public int nodeFeatureWidth() {
    return FeatureSchema.NODE_WIDTH;
  }

  public int edgeFeatureWidth() {
    return FeatureSchema.EDGE_WIDTH;
  }
}
