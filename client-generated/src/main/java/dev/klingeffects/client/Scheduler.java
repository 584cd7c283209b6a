package dev.klingeffects.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of every client in the JVM: waits between polls and retries, and the bound on
 * each exchange. It only completes futures; the work after a wait runs on the client's executor. A
 * daemon, so it never keeps a JVM alive; cancelled timers are removed at once, so memory follows the
 * waits in progress, not the calls made.
 */
final class Scheduler {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Scheduler() {}

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "kling-effects-client-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** @return a future completed after {@code delay}; cancelling it cancels the timer */
    static CompletableFuture<Void> after(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return CompletableFuture.completedFuture(null); // no wait: no hop through the timer thread
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        ScheduledFuture<?> timer = TIMER.schedule(() -> done.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
        done.whenComplete((ignored, error) -> timer.cancel(false));
        return done;
    }

    /** Runs {@code action} after {@code delay} unless the returned handle is cancelled first. */
    static ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        return TIMER.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
