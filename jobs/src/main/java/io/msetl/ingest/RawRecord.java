package io.msetl.ingest;

import java.io.Serializable;

/** One raw record as read from a file, with its lineage. */
record RawRecord(String sourceFile, long byteOffset, long ordinal, byte[] bytes)
    implements Serializable {}
