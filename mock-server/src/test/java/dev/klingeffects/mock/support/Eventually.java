package dev.klingeffects.mock.support;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a state the mock has no event for (a count dropping to zero, a line reaching the log). It looks
 * again every millisecond, parked in between: a busy spin would take the core that the mock needs to reach the
 * state, on a 2-core machine running two test JVMs. The deadline only bounds a failure; it is never waited out.
 */
public final class Eventually {

    private static final long CHECK_EVERY_NANOS = 1_000_000;

    private Eventually() {}

    /** Returns once {@code condition} holds; fails with "no {@code what} within {@code within}" once that is out. */
    public static void await(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("no %s within %s", what, within);
            }
            LockSupport.parkNanos(CHECK_EVERY_NANOS);
        }
    }
}
