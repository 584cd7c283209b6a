package dev.klingeffects.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Time whose waits end only when the test ends them, so a test can look at a client in the middle of a wait. */
final class ManualTiming implements Timing {

    private final List<CompletableFuture<Void>> waits = new ArrayList<>();

    @Override
    public long nanoTime() {
        return 0;
    }

    @Override
    public synchronized CompletableFuture<Void> delay(Duration duration) {
        CompletableFuture<Void> wait = new CompletableFuture<>();
        waits.add(wait);
        notifyAll();
        return wait;
    }

    /** Blocks until the client has started {@code count} waits (a guard of 10 s stops a broken client hanging the build). */
    synchronized List<CompletableFuture<Void>> awaitWaits(int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waits.size() < count) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the client started " + waits.size() + " waits, not " + count);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(waits);
    }
}
