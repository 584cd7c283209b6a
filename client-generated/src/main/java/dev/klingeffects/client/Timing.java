package dev.klingeffects.client;

import java.time.Duration;

/** The client's clock and waits; replaceable so the client's own tests never really sleep. */
interface Timing {

    Timing REAL = new Timing() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }
    };

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;
}
