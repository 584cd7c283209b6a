package dev.klingeffects.mock.tasks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall-clock time plus an offset the admin API can advance, so tests move tasks on without sleeping.
 * A frozen clock stands still at its start time and moves only when advanced: exact for tests.
 */
public final class MockClock {

    private final AtomicLong offsetMillis = new AtomicLong();
    private final long frozenAt;

    /** @param frozen whether time stands still until advanced */
    public MockClock(boolean frozen) {
        this.frozenAt = frozen ? System.currentTimeMillis() : -1;
    }

    /** @return the mock's current time in Unix milliseconds */
    public long now() {
        return (frozenAt >= 0 ? frozenAt : System.currentTimeMillis()) + offsetMillis.get();
    }

    /** @param by how far to move time forward; negative values are refused */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offsetMillis.addAndGet(by.toMillis());
    }

    /** @return how far the clock has been advanced */
    public long offsetMillis() {
        return offsetMillis.get();
    }

    /** Back to wall-clock time. */
    public void reset() {
        offsetMillis.set(0);
    }
}
