package dev.klingeffects.mock.tasks;

import dev.klingeffects.mock.auth.KeyId;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All tasks, in memory only, bounded: at most {@code capacity} are kept and expired ones are dropped,
 * so a long QA session does not grow the heap without bound. Past the capacity the oldest finished
 * task goes; an unfinished one only when no task has finished, and never silently.
 */
public final class TaskStore {

    private static final Logger LOG = LoggerFactory.getLogger(TaskStore.class);
    /** Eviction is logged at most this often, with running counts, so a busy mock does not flood its log. */
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    /**
     * A task with its place in the order of arrival, which pages of listings follow, and the place it was queued
     * for eviction with, kept through replacements: an id expired and planted again is queued again, and its old
     * place, still queued or parked, must not pass for the new task's.
     */
    private record Held(Task task, long seq, long queuedAs) {}

    /** An id in the eviction order, with the place it was queued as. */
    private record Queued(String id, long queuedAs) {}

    /**
     * A parked task's eviction entry with the earliest instant it can be finished, as it was when parked: a scan
     * for a finished task skips, without looking the task up, every one that cannot be finished yet.
     */
    private record Parked(Queued entry, long finishedFrom) {}

    private final Map<String, Held> tasks = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Queued> evictionOrder = new ConcurrentLinkedQueue<>();
    /** The queue's length: {@link ConcurrentLinkedQueue#size()} walks every node, 50,000 of them per eviction. */
    private final AtomicInteger queued = new AtomicInteger();
    /**
     * No task held can be finished before this instant (Unix ms), so eviction needs no scan until then. Adds
     * lower it to their task's finish; an eviction that scanned and found none finished raises it.
     */
    private final AtomicLong noneFinishedBefore = new AtomicLong(Long.MIN_VALUE);
    /**
     * Unfinished tasks an eviction took off the queue, in order of arrival: all older than the queue's. Guarded by
     * the eviction lock, as is the bound below: no parked task can be finished before it ({@link #replace} lowers it).
     */
    private final ArrayDeque<Parked> parked = new ArrayDeque<>();
    private long parkedNoneFinishedBefore = Long.MAX_VALUE;
    /** A parked task was replaced, so a {@link Parked#finishedFrom} may be out of date. Guarded by the eviction lock. */
    private boolean parkedOutOfDate;
    private final Map<KeyId, Set<String>> unfinishedByOwner = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong evictedFinished = new AtomicLong();
    private final AtomicLong evictedUnfinished = new AtomicLong();
    private final Object evicting = new Object();
    private long lastEvictionLog = System.nanoTime() - LOG_EVERY_NANOS;
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

    /** @param task a new task, kept whatever its owner already has */
    public void add(Task task) {
        addWithin(task, 0);
    }

    /**
     * Adds a task with a chosen id (the admin API's way), or replaces the task of that id if the same key
     * owns it; never one of another key.
     *
     * @return false, and nothing changed, when another key owns a task of that id
     */
    public boolean addOrReplaceOwn(Task task) {
        boolean[] taken = new boolean[1];
        Held[] replaced = new Held[1];
        Held[] added = new Held[1];
        tasks.compute(task.id(), (id, held) -> {
            if (held != null && !held.task().owner().equals(task.owner())) {
                taken[0] = true;
                return held;
            }
            replaced[0] = held;
            long seq = sequence.incrementAndGet();
            added[0] = new Held(task, seq, held != null ? held.queuedAs() : seq);
            return added[0];
        });
        if (taken[0]) {
            return false;
        }
        if (!task.statusAt(clock.now()).finished()) {
            unfinishedByOwner.computeIfAbsent(task.owner(), owner -> ConcurrentHashMap.newKeySet()).add(task.id());
        }
        // A replaced task keeps its place in the eviction order; a new one (perhaps an expired one's id planted
        // again, whose old place is still queued) gets its own.
        if (replaced[0] == null) {
            enqueue(task, added[0].queuedAs());
            evictIfOverCapacity();
        } else {
            lookAgainAt(task);
        }
        return true;
    }

    /**
     * The owner's unfinished tasks when a new one was refused.
     *
     * @param count              how many are pending or processing
     * @param earliestFinishesAt when the first of them is due to finish (Unix ms), or -1 when none is due
     */
    public record Unfinished(int count, long earliestFinishesAt) {}

    /**
     * Adds a task unless its owner already has {@code limit} unfinished ones: the check and the add are
     * one step per owner, so concurrent submits never exceed the limit.
     *
     * @param limit most unfinished tasks per owner, 0 for no limit
     * @return null when added, else what the owner has that refused it
     */
    public Unfinished addWithin(Task task, int limit) {
        Unfinished[] refused = new Unfinished[1];
        long[] queuedAs = new long[1];
        long now = clock.now();
        unfinishedByOwner.compute(task.owner(), (owner, ids) -> {
            Set<String> unfinished = ids != null ? ids : ConcurrentHashMap.newKeySet();
            if (limit > 0) {
                Unfinished current = count(unfinished, now);
                if (current.count() >= limit) {
                    refused[0] = current;
                    return unfinished.isEmpty() ? null : unfinished;
                }
            }
            long seq = sequence.incrementAndGet();
            queuedAs[0] = seq;
            tasks.put(task.id(), new Held(task, seq, seq));
            if (!task.statusAt(now).finished()) {
                unfinished.add(task.id());
            }
            return unfinished.isEmpty() ? null : unfinished;
        });
        if (refused[0] != null) {
            return refused[0];
        }
        enqueue(task, queuedAs[0]);
        evictIfOverCapacity();
        return null;
    }

    /** Queued before the bound is lowered, so a scan that reset the bound either sees the task or its finish. */
    private void enqueue(Task task, long queuedAs) {
        evictionOrder.add(new Queued(task.id(), queuedAs));
        queued.incrementAndGet();
        noneFinishedBefore.accumulateAndGet(finishedFrom(task), Math::min);
    }

    /** @return the earliest instant the task can be finished: never for one held unfinished by the admin API */
    private static long finishedFrom(Task task) {
        if (task.forcedStatus() != null) {
            return task.forcedStatus().finished() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return task.finishesAt();
    }

    private Queued pollQueue() {
        Queued entry = evictionOrder.poll();
        if (entry != null) {
            queued.decrementAndGet();
        }
        return entry;
    }

    /** @return the task an eviction entry stands for, or null when it is gone (an id planted again has a new entry) */
    private Held heldFor(Queued entry) {
        Held held = tasks.get(entry.id());
        return held != null && held.queuedAs() == entry.queuedAs() ? held : null;
    }

    private Unfinished count(Set<String> ids, long now) {
        int count = 0;
        long earliest = Long.MAX_VALUE;
        for (var it = ids.iterator(); it.hasNext(); ) {
            String id = it.next();
            Held held = tasks.get(id);
            if (held == null || held.task().statusAt(now).finished()) {
                it.remove();
                // The admin API may have held it unfinished between the read and the removal, and added the id
                // (still there) before it went: read again, or the owner's limit forgets a task in progress.
                Held again = tasks.get(id);
                if (again != null && again != held && !again.task().statusAt(now).finished()) {
                    ids.add(id);
                }
            } else {
                count++;
                if (held.task().forcedStatus() == null) {
                    earliest = Math.min(earliest, held.task().finishesAt());
                }
            }
        }
        return new Unfinished(count, earliest == Long.MAX_VALUE ? -1 : earliest);
    }

    private void evictIfOverCapacity() {
        if (tasks.size() <= capacity) {
            return;
        }
        synchronized (evicting) {
            while (tasks.size() > capacity) {
                evictOne();
            }
        }
    }

    /**
     * Drops the oldest finished task; the oldest unfinished one only when every task is unfinished. Unfinished
     * tasks met on the way are parked, still in order of arrival (all older than what is left in the queue), so
     * none is looked at again until one of them can have finished, and the oldest unfinished is the first parked.
     * Until the first task can have finished, that is known without looking: a mock flooded with long tasks
     * (the realistic profile's minutes) does not walk them on every submit. Called with the eviction lock held.
     */
    private void evictOne() {
        long now = clock.now();
        if (now < noneFinishedBefore.get()) {
            evictOldestUnfinished();
            return;
        }
        // Concurrent adds lower the bound again from here, so raising it after the scan loses none of them.
        noneFinishedBefore.set(Long.MAX_VALUE);
        if (evictFinishedParked(now) || evictFinishedQueued(now)) {
            // Tasks not looked at may be finished: the next eviction looks again.
            noneFinishedBefore.set(Long.MIN_VALUE);
            return;
        }
        noneFinishedBefore.accumulateAndGet(parkedNoneFinishedBefore, Math::min);
        evictOldestUnfinished();
    }

    /**
     * A replaced task may be parked: the next eviction that looks for a finished task looks there too. The bounds
     * are lowered under the eviction lock, after the map changed: lowered before it, an eviction running in
     * between (and reading the parked task's old finish) raised them again past the replacement's finish, and
     * unfinished tasks went while the replaced one, finished, was held.
     */
    private void lookAgainAt(Task replacement) {
        synchronized (evicting) {
            parkedNoneFinishedBefore = Long.MIN_VALUE;
            parkedOutOfDate = true;
            noneFinishedBefore.accumulateAndGet(finishedFrom(replacement), Math::min);
        }
    }

    /** Reads every parked task's finish again after a replacement, dropping those no longer held. */
    private void refreshParked() {
        int count = parked.size();
        for (int i = 0; i < count; i++) {
            Queued entry = parked.pollFirst().entry();
            Held held = heldFor(entry);
            if (held != null) {
                parked.addLast(new Parked(entry, finishedFrom(held.task())));
            }
        }
        parkedOutOfDate = false;
    }

    /** @return whether a parked task had finished and went (the oldest such); parked tasks are the oldest held */
    private boolean evictFinishedParked(long now) {
        if (now < parkedNoneFinishedBefore) {
            return false;
        }
        if (parkedOutOfDate) {
            refreshParked();
        }
        long earliest = Long.MAX_VALUE;
        for (var it = parked.iterator(); it.hasNext(); ) {
            Parked parkedTask = it.next();
            // Right after a finished one went, every parked task is looked at again: most cannot have
            // finished yet, and a lookup for each was 6 % of a submit's CPU in a full store.
            if (parkedTask.finishedFrom() > now) {
                earliest = Math.min(earliest, parkedTask.finishedFrom());
                continue;
            }
            Held held = heldFor(parkedTask.entry());
            if (held == null) {
                it.remove();
            } else if (held.task().statusAt(now).finished() && evictFinished(held, parkedTask.entry())) {
                it.remove();
                // Parked tasks after this one were not looked at: the next eviction looks again.
                parkedNoneFinishedBefore = Long.MIN_VALUE;
                return true;
            } else {
                earliest = Math.min(earliest, finishedFrom(held.task()));
            }
        }
        parkedNoneFinishedBefore = earliest;
        return false;
    }

    /** @return whether a queued task had finished and went; the unfinished ones before it are parked */
    private boolean evictFinishedQueued(long now) {
        int length = queued.get();
        for (int looked = 0; looked < length; looked++) {
            Queued entry = pollQueue();
            if (entry == null) {
                return false;
            }
            Held held = heldFor(entry);
            if (held == null) {
                continue;
            }
            // A task replaced since it was read here (the admin API holding it unfinished) is parked instead.
            if (held.task().statusAt(now).finished() && evictFinished(held, entry)) {
                return true;
            }
            long finishedFrom = finishedFrom(held.task());
            parked.addLast(new Parked(entry, finishedFrom));
            parkedNoneFinishedBefore = Math.min(parkedNoneFinishedBefore, finishedFrom);
        }
        return false;
    }

    /**
     * Removes a finished task as it was read, counted as evicted. A failed removal where the task is gone means a
     * poll removed it (expired) between the eviction's read and this: the store shrank all the same, so this
     * eviction is done (the caller's loop checks the size again). Carrying on took a second task, an unfinished
     * one when no other had finished, from a store already within its bound.
     *
     * @return whether the store lost the task; false when it holds a replacement (the admin API's), to be parked
     */
    private boolean evictFinished(Held held, Queued entry) {
        if (remove(entry.id(), held)) {
            evictedFinished.incrementAndGet();
            logEvictions();
            return true;
        }
        return heldFor(entry) == null;
    }

    /** Drops the oldest task held, which the caller knows to be unfinished: the first parked, else the queue's head. */
    private void evictOldestUnfinished() {
        while (true) {
            Queued entry = parked.isEmpty() ? pollQueue() : parked.pollFirst().entry();
            if (entry == null) {
                return;
            }
            // Read again when a replacement came between the read and the removal: it keeps the task's place.
            for (Held held = heldFor(entry); held != null; held = heldFor(entry)) {
                if (remove(entry.id(), held)) {
                    evictedUnfinished.incrementAndGet();
                    logEvictions();
                    return;
                }
            }
        }
    }

    /** Called with the eviction lock held. */
    private void logEvictions() {
        long now = System.nanoTime();
        if (now - lastEvictionLog < LOG_EVERY_NANOS) {
            return;
        }
        lastEvictionLog = now;
        if (evictedUnfinished.get() > 0) {
            LOG.warn("Evicted {} finished and {} UNFINISHED tasks so far to stay within --max-tasks {}: every task left "
                    + "was unfinished; raise --max-tasks or let tasks finish", evictedFinished.get(),
                    evictedUnfinished.get(), capacity);
        } else {
            LOG.info("Evicted {} finished tasks so far to stay within --max-tasks {} (oldest finished first)",
                    evictedFinished.get(), capacity);
        }
    }

    /**
     * Removes the task only as {@code held} read it: one replaced or planted again since then is another task,
     * which a check made on the old one says nothing about.
     *
     * @return whether it was removed
     */
    private boolean remove(String id, Held held) {
        if (!tasks.remove(id, held)) {
            return false;
        }
        // Drop an owner's entry with its last task, so many one-off keys leave nothing behind.
        unfinishedByOwner.computeIfPresent(held.task().owner(), (owner, ids) -> {
            ids.remove(id);
            return ids.isEmpty() ? null : ids;
        });
        return true;
    }

    /**
     * @param id the task id
     * @return the task while it exists and its result has not expired
     */
    public Optional<Task> find(String id) {
        Held held = tasks.get(id);
        if (held == null) {
            return Optional.empty();
        }
        if (expired(held.task(), clock.now())) {
            remove(id, held);
            return Optional.empty();
        }
        return Optional.of(held.task());
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
        tasks.computeIfPresent(task.id(), (id, held) -> new Held(task, held.seq(), held.queuedAs()));
        lookAgainAt(task);
        if (task.forcedStatus() != null && !task.forcedStatus().finished()) {
            unfinishedByOwner.computeIfAbsent(task.owner(), owner -> ConcurrentHashMap.newKeySet()).add(task.id());
        }
    }

    /**
     * Counts the owner's unfinished tasks, forgetting finished ones as it goes.
     *
     * @param owner an API key's fingerprint
     * @return how many of its tasks are pending or processing, and when the first is due
     */
    public Unfinished unfinished(KeyId owner) {
        Set<String> ids = unfinishedByOwner.get(owner);
        return ids == null ? new Unfinished(0, -1) : count(ids, clock.now());
    }

    /**
     * One page of live tasks in order of arrival.
     *
     * @param tasks      the page, in the order asked for
     * @param nextCursor the cursor of the next page, or -1 when this is the last
     * @param matching   how many live tasks match the filter, all pages together
     */
    public record Page(List<Task> tasks, long nextCursor, int matching) {}

    /**
     * Lists live tasks that arrived after {@code cursor} and match {@code filter}, oldest first; memory is
     * bounded by {@code limit} whatever the store holds.
     */
    public Page page(long cursor, int limit, Predicate<Task> filter) {
        return page(cursor, limit, filter, false);
    }

    /**
     * Lists live tasks that match {@code filter}, oldest first from after {@code cursor}, or newest first
     * from before it (0: from the newest); memory is bounded by {@code limit} whatever the store holds.
     */
    public Page page(long cursor, int limit, Predicate<Task> filter, boolean newestFirst) {
        long now = clock.now();
        Comparator<Held> pageOrder = newestFirst ? Comparator.comparingLong(Held::seq).reversed()
                : Comparator.comparingLong(Held::seq);
        // Holds the page: its head is the task furthest down the order, dropped when a nearer one comes.
        PriorityQueue<Held> page = new PriorityQueue<>(pageOrder.reversed());
        int matching = 0;
        int beyondCursor = 0;
        for (Held held : tasks.values()) {
            if (expired(held.task(), now) || !filter.test(held.task())) {
                continue;
            }
            matching++;
            boolean beyond = newestFirst ? cursor == 0 || held.seq() < cursor : held.seq() > cursor;
            if (!beyond) {
                continue;
            }
            beyondCursor++;
            page.add(held);
            if (page.size() > limit) {
                page.poll();
            }
        }
        List<Held> ordered = new ArrayList<>(page);
        ordered.sort(pageOrder);
        long next = beyondCursor > limit && !ordered.isEmpty() ? ordered.get(ordered.size() - 1).seq() : -1;
        return new Page(ordered.stream().map(Held::task).toList(), next, matching);
    }

    /** @return how many tasks are held */
    public int size() {
        return tasks.size();
    }

    /** Forgets every task. */
    public void clear() {
        synchronized (evicting) {
            // The queue before the map, one id at a time: a task submitted meanwhile is then gone from both, or
            // queued (an id whose task is gone is skipped). The other way round, a task put into the map behind
            // its clearing and queued before the queue's clearing stayed held but out of eviction's reach for
            // good, and every submit past --max-tasks was evicted in its place.
            while (pollQueue() != null) {
                // drained
            }
            parked.clear();
            parkedNoneFinishedBefore = Long.MAX_VALUE;
            parkedOutOfDate = false;
            tasks.clear();
            noneFinishedBefore.set(Long.MIN_VALUE);
            unfinishedByOwner.clear();
        }
    }
}
