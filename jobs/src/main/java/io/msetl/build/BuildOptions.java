package io.msetl.build;

import io.msetl.featurize.FeaturizerConfig;
import io.msetl.ingest.IngestOptions;
import io.msetl.spectrum.SpectrumConfig;
import io.msetl.split.SplitMethod;
import io.msetl.split.SplitRatios;
import io.msetl.tables.TableFormat;

/**
 * Everything a build needs to know, already validated.
 *
 * @param partitions featurization partitions; 0 = choose from the number of distinct structures
 * @param maxDeleteShare a run that would delete more than this share of the compounds stops before
 *     writing anything (0..1)
 * @param allowDeletes lifts that limit
 */
public record BuildOptions(
    String input,
    String out,
    TableFormat format,
    IngestOptions ingest,
    FeaturizerConfig featurizer,
    SpectrumConfig spectrum,
    SplitMethod splitMethod,
    String splitSalt,
    SplitRatios splitRatios,
    int partitions,
    String configJson,
    double maxDeleteShare,
    boolean allowDeletes) {}
