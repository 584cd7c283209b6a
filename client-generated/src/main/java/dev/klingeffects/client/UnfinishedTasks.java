package dev.klingeffects.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The opt-in cap on this client's unfinished tasks: a submit takes a permit, and the permit comes back
 * when the client sees the task end (a poll that finds it finished, failed or gone). Threads beyond the
 * cap wait for a permit instead of all hitting the server's concurrent-task limit at once.
 */
final class UnfinishedTasks {

    private final Semaphore permits;
    private final Set<String> holding = ConcurrentHashMap.newKeySet();

    UnfinishedTasks(int max) {
        this.permits = max > 0 ? new Semaphore(max, true) : null;
    }

    /** Waits up to {@code wait} for a permit. */
    void acquire(Duration wait, String what) {
        if (permits == null) {
            return;
        }
        try {
            if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ModellixException(what + ": every permit of maxUnfinishedTasks is held by a task this client "
                        + "has not yet seen finish; poll those tasks to the end", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModellixException(what + " was interrupted while waiting for a permit", e);
        }
    }

    /** The submit created {@code taskId}: its permit stays taken until the task is seen to end. */
    void taken(String taskId) {
        if (permits != null && !holding.add(taskId)) {
            permits.release();
        }
    }

    /** The submit created no task (or none the client knows of): its permit comes back now. */
    void unused() {
        if (permits != null) {
            permits.release();
        }
    }

    /** The client saw {@code taskId} end. */
    void ended(String taskId) {
        if (permits != null && holding.remove(taskId)) {
            permits.release();
        }
    }
}
