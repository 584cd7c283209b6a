package dev.klingeffects.mock.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last N requests the mock answered, for QA and tests to inspect: method, path, status, time, the fault
 * it answered with, the request's headers (the API key masked to its hint) and its body as a
 * {@link BodySummary}. Bounded: {@link #MAX_PATH_CHARS} of path, {@link #MAX_HEADERS} headers of
 * {@link dev.klingeffects.mock.logging.ClientText#MAX_CHARS} characters each for name and value, and
 * {@link BodySummary#MAX_CHARS} of body per entry.
 */
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
     * @param fault   the fault answered ({@code fault=connection-reset; fault-when=after}), or null
     * @param headers the request's headers as kept, in the order received
     * @param headersDropped how many of its headers were beyond {@link #MAX_HEADERS} and not kept
     * @param body    the body's summary, or null when the mock did not read it (no body, or refused before)
     */
    public record Entry(long seq, long at, String method, String path, int status, double millis, String fault,
                        Map<String, String> headers, int headersDropped, String body) {}

    /** Most headers kept per request; the rest are dropped and counted ({@code headers_dropped}). */
    public static final int MAX_HEADERS = 32;

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
    public synchronized void record(long at, String method, String path, int status, double millis, String fault,
                                    Map<String, String> headers, int headersDropped, String body) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        String kept = path.length() <= MAX_PATH_CHARS ? path : path.substring(0, MAX_PATH_CHARS) + "…";
        entries.addLast(new Entry(++sequence, at, method, kept, status, millis, fault, headers, headersDropped, body));
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
