package dev.klingeffects.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in the order given, on another executor: a client's listener calls, so they
 * keep their order and a slow listener holds one thread at most, never the steps of the calls it hears.
 * On a fork-join pool the tasks run as a {@link ForkJoinPool.ManagedBlocker}, since a listener may block:
 * the pool then wakes or adds a thread for the steps meanwhile. Without it, a listener blocking the one
 * thread of a caller's pool (the common pool on two processors has one) held up every call of the client,
 * and on a pool of more a blocked worker could keep tasks queued behind it.
 */
final class SerialExecutor implements Executor {

    private final Executor executor;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    SerialExecutor(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        schedule();
    }

    private void schedule() {
        if (!queue.isEmpty() && running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        Draining draining = new Draining();
        try {
            ForkJoinPool.managedBlock(draining);
        } catch (RejectedExecutionException e) {
            draining.block(); // the pool has no spare thread left to add: run them all the same
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // not thrown by this blocker, which never waits itself
        } finally {
            running.set(false);
            schedule(); // a task added after the last poll and before the flag went down
        }
    }

    /** Runs the queue out; off a fork-join pool, {@code managedBlock} just calls {@link #block}. */
    private final class Draining implements ForkJoinPool.ManagedBlocker {
        private boolean done;

        @Override
        public boolean block() {
            Runnable task;
            while ((task = queue.poll()) != null) {
                task.run();
            }
            done = true;
            return true;
        }

        @Override
        public boolean isReleasable() {
            return done;
        }
    }
}
