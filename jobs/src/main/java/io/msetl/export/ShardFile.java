package io.msetl.export;

import java.io.Serializable;

/**
 * One file of a published export, as listed in manifest.json ({@code path} relative to the export
 * folder).
 */
public record ShardFile(
    String split,
    String format,
    int shardIndex,
    String path,
    long rows,
    long firstSample,
    long bytes,
    String sha256)
    implements Serializable {}
