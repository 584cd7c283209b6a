package dev.klingeffects.mock.faults;

import dev.klingeffects.mock.auth.KeyId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Faults queued through the admin API for the next requests of an API key (or of any key, the result-file
 * route included), in order. Bounded: at most {@link #CAPACITY} entries, each for at most {@link #MAX_COUNT}
 * requests. Costs nothing while empty: a request asks the queue only through a volatile read.
 */
public final class PlannedFaults {

    /** Most entries queued at once. */
    public static final int CAPACITY = 1000;
    /** Most requests one entry faults. */
    public static final int MAX_COUNT = 1000;

    private static final class Entry {
        final KeyId key;
        final FaultPlan plan;
        int remaining;

        Entry(KeyId key, FaultPlan plan, int remaining) {
            this.key = key;
            this.plan = plan;
            this.remaining = remaining;
        }
    }

    private final Deque<Entry> queue = new ArrayDeque<>();
    private volatile boolean empty = true;

    /**
     * @param key   the key whose requests it faults, or null for any request
     * @param plan  the fault
     * @param count how many requests it faults, 1 to {@link #MAX_COUNT}
     * @return false when the queue is full
     */
    public synchronized boolean add(KeyId key, FaultPlan plan, int count) {
        if (queue.size() >= CAPACITY) {
            return false;
        }
        queue.addLast(new Entry(key, plan, count));
        empty = false;
        return true;
    }

    /**
     * Takes the fault planned for the next request of a key, if any: the first entry for that key or for any.
     *
     * @param key the request's key when it has one (computed only when the queue is not empty), else null
     * @return the fault, or null
     */
    public FaultPlan next(Supplier<KeyId> key) {
        if (empty) {
            return null;
        }
        KeyId requester = key.get();
        synchronized (this) {
            for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (entry.key == null || entry.key.equals(requester)) {
                    if (--entry.remaining == 0) {
                        it.remove();
                        empty = queue.isEmpty();
                    }
                    return entry.plan;
                }
            }
            return null;
        }
    }

    /**
     * One queued entry as the admin API lists it.
     *
     * @param keyHint   the masked key whose requests it faults, or null for any request
     * @param plan      the fault
     * @param remaining how many requests it will still fault
     */
    public record Queued(String keyHint, FaultPlan plan, int remaining) {}

    /** @return the queued entries in order, at most {@link #CAPACITY} */
    public synchronized List<Queued> queued() {
        List<Queued> listed = new ArrayList<>(queue.size());
        for (Entry entry : queue) {
            listed.add(new Queued(entry.key == null ? null : entry.key.hint(), entry.plan, entry.remaining));
        }
        return listed;
    }

    /** @return how many requests the queue will still fault */
    public synchronized int size() {
        return queue.stream().mapToInt(entry -> entry.remaining).sum();
    }

    /** Forgets every planned fault. */
    public synchronized void clear() {
        queue.clear();
        empty = true;
    }
}
