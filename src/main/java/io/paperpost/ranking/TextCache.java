package io.paperpost.ranking;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Analyses of texts that many readers share (interests, liked papers), for one day. Emptied whole when full,
 * so a run with ever new texts cannot fill the heap; a miss only costs the analysis again. Thread-safe.
 */
final class TextCache<V> {

    private static final int LIMIT = 200_000;

    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private final int limit;

    TextCache() {
        this(LIMIT);
    }

    /** @param limit entries kept before the cache is emptied; smaller for large values */
    TextCache(int limit) {
        this.limit = limit;
    }

    /** The cached value, null when there is none. */
    V get(String text) {
        return entries.get(text);
    }

    void put(String text, V value) {
        if (entries.size() >= limit) {
            entries.clear();
        }
        entries.put(text, value);
    }
}
