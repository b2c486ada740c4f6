package io.msetl.export.sqlite;

/** One sample decoded from a SQLite shard: the arrays a training loop needs, with their shapes. */
public record ShardSample(
    long sampleIndex,
    String compoundId,
    String structureKey,
    String split,
    float[] spectrum,
    int numAtoms,
    int nodeFeatureWidth,
    float[] nodeFeatures,
    int numEdges,
    long[] edgeIndex,
    int edgeFeatureWidth,
    float[] edgeAttr,
    float[] coords,
    String conformerStatus) {}
