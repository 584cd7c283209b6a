package dev.klingeffects.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time that moves only when the client waits, so waits are observed instead of waited out. */
final class FakeTiming implements Timing {

    private final AtomicLong nanos = new AtomicLong();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        sleeps.add(duration);
        nanos.addAndGet(duration.toNanos());
        return CompletableFuture.completedFuture(null);
    }
}
