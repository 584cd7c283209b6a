package dev.klingeffects.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * The tasks this client submitted and has not yet seen end, and the opt-in cap on them: a submit takes a
 * permit, and the permit comes back when the client sees the task end (a poll that finds it finished,
 * failed or gone). Submits beyond the cap wait for a permit, first come first served, without holding a
 * thread, instead of all hitting the server's concurrent-task limit at once.
 */
final class UnfinishedTasks {

    private final boolean capped;
    private final Set<String> holding = ConcurrentHashMap.newKeySet();
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int available;

    UnfinishedTasks(int max) {
        this.capped = max > 0;
        this.available = max;
    }

    /**
     * @return completed once a permit is this submit's; failed after {@code wait} without one. Cancelling it
     *         gives up the place in the queue.
     */
    CompletableFuture<Void> acquire(Duration wait, String what) {
        if (!capped) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> permit = new CompletableFuture<>();
        synchronized (this) {
            if (available > 0) {
                available--;
                permit.complete(null);
                return permit;
            }
            waiting.add(permit);
        }
        ScheduledFuture<?> timeout = Scheduler.schedule(wait, () -> permit.completeExceptionally(new ModellixException(
                what + ": every permit of maxUnfinishedTasks was held by a task this client had not yet seen end, "
                        + "for " + wait + ": " + ids(), null)));
        permit.whenComplete((ignored, error) -> {
            timeout.cancel(false);
            if (error != null) {
                synchronized (this) {
                    waiting.remove(permit);
                }
            }
        });
        return permit;
    }

    /**
     * The submit created {@code taskId}: its permit stays taken until the task is seen to end.
     *
     * @return false when the task was already held (a server that gave one id twice), its permit given back
     */
    boolean taken(String taskId) {
        boolean added = holding.add(taskId);
        if (capped && !added) {
            release();
        }
        return added;
    }

    /** @return whether {@code taskId} is one of this client's tasks not yet seen to end */
    boolean holds(String taskId) {
        return holding.contains(taskId);
    }

    /** @return the ids of the tasks submitted and not yet seen to end */
    Set<String> ids() {
        return Set.copyOf(holding);
    }

    /** @return the submits waiting for a permit now */
    synchronized int waiting() {
        return (int) waiting.stream().filter(permit -> !permit.isDone()).count();
    }

    /** The submit created no task (or none the client knows of): its permit comes back now. */
    void unused() {
        if (capped) {
            release();
        }
    }

    /** The client saw {@code taskId} end (or gave up following it). */
    void ended(String taskId) {
        if (holding.remove(taskId) && capped) {
            release();
        }
    }

    /** Hands the permit to the longest waiting submit still waiting, else back to the pool. */
    private void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            do {
                next = waiting.poll();
            } while (next != null && next.isDone());
            if (next == null) {
                available++;
                return;
            }
        }
        if (!next.complete(null)) {
            // Timed out or cancelled between the poll and now: the permit goes to the next one.
            release();
        }
    }
}
