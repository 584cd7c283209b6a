package dev.klingeffects.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in the order given, on another executor: a client's listener calls, so they
 * keep their order and a slow listener holds one thread at most, never the steps of the calls it hears.
 * On a fork-join pool's thread the tasks run as a {@link ForkJoinPool.ManagedBlocker}, since a listener may
 * block: the pool then keeps another thread on the steps when it can (it wakes an idle one, or adds one).
 * Without it, a listener blocking the one thread of a caller's pool (the common pool on two processors has
 * one) held up every call of the client, and on a pool of more a blocked worker could keep tasks queued
 * behind it.
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
            ForkJoinPool pool = ForkJoinTask.getPool();
            if (pool == null || pool.isShutdown()) {
                // No pool to keep a thread for; or one shutting down, which would stop counting this thread
                // while the listener runs, reach its end and interrupt the listener.
                draining.block();
            } else {
                ForkJoinPool.managedBlock(draining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // not thrown: this blocker never waits itself
        } catch (RuntimeException | Error e) {
            if (draining.started) {
                throw e; // a listener's Error (guarded calls catch the rest), as before
            }
            // The pool could not keep a thread for the steps (its limit of spares, a thread that failed to
            // start): run the calls all the same, or this drain would be scheduled and fail again forever.
            draining.block();
        } finally {
            running.set(false);
            schedule(); // a task added after the last poll and before the flag went down
        }
    }

    /** Runs the queue out; off a fork-join pool, {@code managedBlock} just calls {@link #block}. */
    private final class Draining implements ForkJoinPool.ManagedBlocker {
        private boolean started;
        private boolean done;

        @Override
        public boolean block() {
            started = true;
            boolean interrupted = false;
            Runnable task;
            while ((task = queue.poll()) != null) {
                // One listener call's interrupt is not the next one's: each starts clear, and the thread
                // gets it back at the end.
                interrupted |= Thread.interrupted();
                task.run();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
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
