package dev.klingeffects.mock.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last N requests the mock answered (never keys or bodies), for QA to inspect. */
public final class RequestJournal {

    /**
     * One answered request.
     *
     * @param at       Unix ms (mock clock)
     * @param method   HTTP method
     * @param path     path without query
     * @param status   HTTP status sent
     * @param millis   time to answer
     */
    public record Entry(long at, String method, String path, int status, double millis) {}

    private final int capacity;
    private final ArrayDeque<Entry> entries;

    /** @param capacity most entries kept; the oldest go first */
    public RequestJournal(int capacity) {
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** @param entry an answered request */
    public synchronized void record(Entry entry) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** @return the entries, oldest first */
    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /** Forgets every entry. */
    public synchronized void clear() {
        entries.clear();
    }
}
