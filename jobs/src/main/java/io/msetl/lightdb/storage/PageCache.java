package io.msetl.lightdb.storage;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Bounded LRU cache of whole blocks with write-back of dirty blocks. It never evicts inside an
 * operation: callers hold page arrays across one tree operation, so eviction waits for {@link #trim()}.
 */
public final class PageCache {
    private final BlockFile file;
    private final int capacity;
    private final LinkedHashMap<Long, byte[]> pages = new LinkedHashMap<>(256, 0.75f, true);
    private final TreeSet<Long> dirty = new TreeSet<>();

    public PageCache(BlockFile file, int capacity) {
        this.file = file;
        this.capacity = Math.max(16, capacity);
    }

    /** The cached block, read from the file on a miss. */
    public byte[] get(long blockNo) {
        byte[] page = pages.get(blockNo);
        if (page == null) {
            page = new byte[file.blockSize()];
            file.readBlock(blockNo, page);
            pages.put(blockNo, page);
        }
        return page;
    }

    /** Adds a block that exists only in memory so far (a new or reset page); it is dirty. */
    public void putNew(long blockNo, byte[] page) {
        pages.put(blockNo, page);
        dirty.add(blockNo);
    }

    public void markDirty(long blockNo) {
        dirty.add(blockNo);
    }

    /** Evicts least recently used blocks down to capacity, writing dirty ones back. */
    public void trim() {
        if (pages.size() <= capacity) {
            return;
        }
        Iterator<Map.Entry<Long, byte[]>> it = pages.entrySet().iterator();
        while (pages.size() > capacity && it.hasNext()) {
            Map.Entry<Long, byte[]> e = it.next();
            if (dirty.remove(e.getKey())) {
                file.writeBlock(e.getKey(), e.getValue());
            }
            it.remove();
        }
    }

    /** Writes all dirty blocks in block order. */
    public void flush() {
        for (Long no : dirty) {
            file.writeBlock(no, pages.get(no));
        }
        dirty.clear();
    }

    public int size() {
        return pages.size();
    }
}
