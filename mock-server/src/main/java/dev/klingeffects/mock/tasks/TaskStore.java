package dev.klingeffects.mock.tasks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * All tasks, bounded: at most {@code capacity} are kept (the oldest go first) and expired ones are
 * dropped, so a long QA session does not grow the heap without bound.
 */
public final class TaskStore {

    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> insertionOrder = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> unfinishedByOwner = new ConcurrentHashMap<>();
    // Counts the queue, not the map: ids of tasks already dropped on expiry still hold a place
    // until their turn comes, so both stay within the capacity.
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final long resultTtlMillis;
    private final MockClock clock;

    /**
     * @param capacity        most tasks kept
     * @param resultTtlMillis how long a finished task stays visible
     * @param clock           the mock's clock
     */
    public TaskStore(int capacity, long resultTtlMillis, MockClock clock) {
        this.capacity = capacity;
        this.resultTtlMillis = resultTtlMillis;
        this.clock = clock;
    }

    /** @param task a new task */
    public void add(Task task) {
        tasks.put(task.id(), task);
        insertionOrder.add(task.id());
        unfinishedByOwner.computeIfAbsent(task.owner(), owner -> ConcurrentHashMap.newKeySet()).add(task.id());
        if (queued.incrementAndGet() > capacity) {
            String oldest = insertionOrder.poll();
            if (oldest != null) {
                queued.decrementAndGet();
                remove(oldest);
            }
        }
    }

    private void remove(String id) {
        Task removed = tasks.remove(id);
        if (removed != null) {
            // Drop an owner's entry with its last task, so many one-off keys leave nothing behind.
            unfinishedByOwner.computeIfPresent(removed.owner(), (owner, ids) -> {
                ids.remove(id);
                return ids.isEmpty() ? null : ids;
            });
        }
    }

    /**
     * @param id the task id
     * @return the task while it exists and its result has not expired
     */
    public Optional<Task> find(String id) {
        Task task = tasks.get(id);
        if (task == null) {
            return Optional.empty();
        }
        if (expired(task, clock.now())) {
            remove(id);
            return Optional.empty();
        }
        return Optional.of(task);
    }

    /** @return the instant (Unix ms) a finished task's result expires */
    public long expiresAt(Task task) {
        return task.finishesAt() + resultTtlMillis;
    }

    private boolean expired(Task task, long now) {
        return task.statusAt(now).finished() && now >= expiresAt(task);
    }

    /** Replaces a task, e.g. with a forced state. */
    public void replace(Task task) {
        tasks.replace(task.id(), task);
        if (task.forcedStatus() != null && !task.forcedStatus().finished()) {
            unfinishedByOwner.computeIfAbsent(task.owner(), owner -> ConcurrentHashMap.newKeySet()).add(task.id());
        }
    }

    /**
     * The owner's unfinished tasks.
     *
     * @param count              how many are pending or processing
     * @param earliestFinishesAt when the first of them is due to finish (Unix ms), or -1
     */
    public record Unfinished(int count, long earliestFinishesAt) {}

    /**
     * Counts the owner's unfinished tasks, forgetting finished ones as it goes.
     *
     * @param owner an API key
     * @return how many of its tasks are pending or processing, and when the first is due
     */
    public Unfinished unfinished(String owner) {
        Set<String> ids = unfinishedByOwner.get(owner);
        if (ids == null) {
            return new Unfinished(0, -1);
        }
        long now = clock.now();
        int count = 0;
        long earliest = Long.MAX_VALUE;
        for (Iterator<String> it = ids.iterator(); it.hasNext(); ) {
            Task task = tasks.get(it.next());
            if (task == null || task.statusAt(now).finished()) {
                it.remove();
            } else {
                count++;
                if (task.forcedStatus() == null) {
                    earliest = Math.min(earliest, task.finishesAt());
                }
            }
        }
        return new Unfinished(count, earliest == Long.MAX_VALUE ? -1 : earliest);
    }

    /** @return every live task, oldest first */
    public List<Task> all() {
        long now = clock.now();
        List<Task> live = new ArrayList<>();
        for (String id : insertionOrder) {
            Task task = tasks.get(id);
            if (task != null && !expired(task, now)) {
                live.add(task);
            }
        }
        return live;
    }

    /** @return how many tasks are held */
    public int size() {
        return tasks.size();
    }

    /** Forgets every task. */
    public void clear() {
        tasks.clear();
        insertionOrder.clear();
        unfinishedByOwner.clear();
        queued.set(0);
    }
}
