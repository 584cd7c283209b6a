package dev.klingeffects.mock.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last N requests the mock answered (never keys or bodies), for QA to inspect. */
public final class RequestJournal {

    /**
     * One answered request.
     *
     * @param seq    its place in the order of answers, the cursor of listings
     * @param at     Unix ms (mock clock)
     * @param method HTTP method
     * @param path   path without query
     * @param status HTTP status sent
     * @param millis time to answer
     */
    public record Entry(long seq, long at, String method, String path, int status, double millis) {}

    /**
     * One page of the journal.
     *
     * @param entries    the page, oldest first
     * @param nextCursor the cursor of the next page, or -1 when this is the last
     * @param held       how many entries the journal holds
     */
    public record Page(List<Entry> entries, long nextCursor, int held) {}

    /** Longest path kept: a journal of 64 KiB paths would hold 64 MB; the rest is cut with a mark. */
    public static final int MAX_PATH_CHARS = 512;

    private final int capacity;
    private final ArrayDeque<Entry> entries;
    private long sequence;

    /** @param capacity most entries kept; the oldest go first */
    public RequestJournal(int capacity) {
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Records an answered request. */
    public synchronized void record(long at, String method, String path, int status, double millis) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        String kept = path.length() <= MAX_PATH_CHARS ? path : path.substring(0, MAX_PATH_CHARS) + "…";
        entries.addLast(new Entry(++sequence, at, method, kept, status, millis));
    }

    /** @return up to {@code limit} entries recorded after {@code cursor}, oldest first */
    public synchronized Page page(long cursor, int limit) {
        return page(cursor, limit, false);
    }

    /**
     * @return up to {@code limit} entries recorded after {@code cursor}, oldest first, or with
     *         {@code newestFirst} recorded before it (0: from the newest), newest first
     */
    public synchronized Page page(long cursor, int limit, boolean newestFirst) {
        List<Entry> page = new ArrayList<>(Math.min(limit, entries.size()));
        long next = -1;
        for (var it = newestFirst ? entries.descendingIterator() : entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (newestFirst ? cursor != 0 && entry.seq() >= cursor : entry.seq() <= cursor) {
                continue;
            }
            if (page.size() == limit) {
                next = page.get(page.size() - 1).seq();
                break;
            }
            page.add(entry);
        }
        return new Page(page, next, entries.size());
    }

    /** Forgets every entry. */
    public synchronized void clear() {
        entries.clear();
    }
}
