package dev.klingeffects.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The steps of one blocking call, run by the thread that waits for it. That thread is blocked anyway:
 * running the call's steps itself spares every step a hop to the steps pool and back (each a thread wake-up,
 * which on a busy machine cost more than the step), so a blocking call costs what a plain blocking send
 * did. Steps that arrive once the caller has stopped waiting (a cancelled stage ending late) run on the
 * client's executor, so none is lost, a permit's return included.
 */
final class CallerSteps implements Executor {

    private static final Runnable WAKE_UP = () -> { };

    private final Executor afterwards;
    private final BlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();
    /** Whether the caller stopped waiting; guarded by this. */
    private boolean left;
    /** The waiting thread, which also runs the first steps in place; null once it stopped waiting. */
    private volatile Thread runner = Thread.currentThread();

    /** Made on the thread that will wait for the call. */
    CallerSteps(Executor afterwards) {
        this.afterwards = afterwards;
    }

    @Override
    public void execute(Runnable step) {
        if (!queued(step)) {
            afterwards.execute(step);
        }
    }

    /** Runs the call's steps on this thread until {@code call} is done; later steps go to the client's executor. */
    void runUntilDone(CompletableFuture<?> call) throws InterruptedException {
        // A call can also end off this thread (a stage failed or was cancelled elsewhere): wake the wait then.
        call.whenComplete((value, error) -> queued(WAKE_UP));
        try {
            while (!call.isDone()) {
                steps.take().run();
            }
        } finally {
            runner = null;
            List<Runnable> rest = new ArrayList<>();
            synchronized (this) {
                left = true;
                steps.drainTo(rest);
            }
            rest.stream().filter(step -> step != WAKE_UP).forEach(afterwards::execute);
        }
    }

    /** @return whether this is the waiting thread, before or while it waits: it may block on the call's own exchange */
    boolean runningHere() {
        return runner == Thread.currentThread();
    }

    private synchronized boolean queued(Runnable step) {
        return !left && steps.add(step);
    }
}
