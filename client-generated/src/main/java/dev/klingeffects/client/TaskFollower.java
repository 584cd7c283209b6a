package dev.klingeffects.client;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows, at a low rate, the tasks this client submitted and no caller is polling: after a cancelled or
 * timed-out await, a poll that failed, or a submit never awaited. Such a task still holds one of the
 * account's concurrent-task slots (and a permit of {@code maxUnfinishedTasks}) until it ends, so the client
 * keeps asking until it sees the end, and gives up only after the longest a task can live.
 *
 * <p>A task polled by anyone within the interval is not polled again here, so an await in progress costs
 * no extra request. The waits are real time, on the shared timer; the polls go out on the client's executor.
 */
final class TaskFollower {

    private static final System.Logger LOG = System.getLogger(KlingEffectsClient.class.getName());

    private final Duration firstInterval;
    private final Duration maxInterval;
    private final Duration lifetime;
    private final Function<String, CompletableFuture<?>> poll;
    private final Consumer<String> giveUp;
    private final Executor executor;
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param poll   polls one task; seeing it end must call {@link #stop}
     * @param giveUp what to do with a task followed for {@code lifetime} without seeing it end
     */
    TaskFollower(Duration firstInterval, Duration maxInterval, Duration lifetime, Function<String, CompletableFuture<?>> poll,
                 Consumer<String> giveUp, Executor executor) {
        this.firstInterval = firstInterval;
        this.maxInterval = ClientCore.max(firstInterval, maxInterval);
        this.lifetime = lifetime;
        this.poll = poll;
        this.giveUp = giveUp;
        this.executor = executor;
    }

    private final class Followed {
        final long since = System.nanoTime();
        volatile long lastSeen = since;
        volatile Duration interval = firstInterval;
        volatile ScheduledFuture<?> next;
    }

    void follow(String taskId) {
        if (closed) {
            return;
        }
        Followed task = new Followed();
        if (followed.putIfAbsent(taskId, task) == null) {
            schedule(taskId, task, task.interval);
        }
    }

    /** Someone polled the task and found it unfinished: no need to ask again for a while. */
    void seen(String taskId) {
        Followed task = followed.get(taskId);
        if (task != null) {
            task.lastSeen = System.nanoTime();
        }
    }

    /** The task ended: nothing more to follow. */
    void stop(String taskId) {
        Followed task = followed.remove(taskId);
        if (task != null && task.next != null) {
            task.next.cancel(false);
        }
    }

    void close() {
        closed = true;
        followed.keySet().forEach(this::stop);
    }

    private void schedule(String taskId, Followed task, Duration delay) {
        if (closed || followed.get(taskId) != task) {
            return;
        }
        task.next = Scheduler.schedule(delay, () -> executor.execute(() -> check(taskId, task)));
        if (followed.get(taskId) != task) {
            task.next.cancel(false); // stopped while being scheduled
        }
    }

    private void check(String taskId, Followed task) {
        if (closed || followed.get(taskId) != task) {
            return;
        }
        long now = System.nanoTime();
        if (now - task.since >= lifetime.toNanos()) {
            stop(taskId);
            LOG.log(Level.WARNING, "Task " + taskId + " still unfinished after " + lifetime + "; no longer followed");
            giveUp.accept(taskId);
            return;
        }
        long quiet = now - task.lastSeen;
        if (quiet < task.interval.toNanos()) {
            schedule(taskId, task, task.interval.minusNanos(quiet));
            return;
        }
        task.interval = ClientCore.min(maxInterval, task.interval.multipliedBy(2));
        CompletableFuture<?> polled;
        try {
            polled = poll.apply(taskId);
        } catch (RuntimeException e) {
            polled = CompletableFuture.failedFuture(e);
        }
        // Whatever the answer (an error too), ask again later unless the poll saw the end.
        polled.whenComplete((ignored, error) -> {
            task.lastSeen = System.nanoTime();
            schedule(taskId, task, task.interval);
        });
    }
}
