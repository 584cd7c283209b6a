package dev.klingeffects.client;

import java.time.Duration;

/** Deadlines on the {@link Timing} clock, safe from overflow whatever the timeout and the clock's origin. */
final class Deadlines {

    /** For calls with no deadline of their own (retries still end within {@link RetryPolicy#maxTotalTime()}). */
    static final long NONE = Long.MAX_VALUE;

    /** Beyond this, a timeout is as good as none: it also keeps {@code now + timeout} from overflowing. */
    private static final Duration LONGEST = Duration.ofDays(365L * 100);

    private Deadlines() {}

    static long after(long now, Duration timeout) {
        return timeout.compareTo(LONGEST) > 0 ? NONE : now + timeout.toNanos();
    }

    /** @return nanoseconds left before {@code deadline}: negative once passed, {@link Long#MAX_VALUE} for none */
    static long remaining(long deadline, long now) {
        return deadline == NONE ? Long.MAX_VALUE : deadline - now;
    }
}
