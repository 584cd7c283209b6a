package dev.klingeffects.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The client's clock and waits; replaceable so the client's own tests never really wait. */
interface Timing {

    Timing REAL = new Timing() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
            return Scheduler.after(duration);
        }
    };

    long nanoTime();

    /** @return a future completed once {@code duration} has passed; no thread waits meanwhile */
    CompletableFuture<Void> delay(Duration duration);
}
