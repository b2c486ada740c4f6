package io.msetl.lightdb;

/** The counters of block 0 (spec §5) as they are now. */
public record HeaderFacts(
    long version,
    long totalBlocks,
    long firstDeletedPage,
    long deletedBlocks,
    long rootPage,
    long totalRecords,
    int pageByteSize,
    long fileSize) {}
