package dev.klingeffects.mock.tasks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall-clock time plus an offset the admin API can advance, so tests move tasks on without sleeping.
 * A frozen clock stands still at its start time and moves only when advanced: exact for tests.
 */
public final class MockClock {

    /**
     * The latest time the clock may show, in year 9899: a task then finishes within a year (the longest
     * pending and processing times) and its result expires at most a century later (the longest
     * {@code --result-ttl}), so {@code result_expires_at} stays within the spec's maximum, the end of year
     * 9999, far inside what a millisecond long and a browser's Date can hold.
     */
    public static final long MAX_MILLIS = 253_402_300_799_999L - Duration.ofDays(36_500 + 366).toMillis();

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

    /**
     * @param by how far to move time forward; negative values are refused
     * @return whether time moved: not when it would pass {@link #MAX_MILLIS}
     */
    public boolean advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        long step = by.toMillis();
        long base = frozenAt >= 0 ? frozenAt : System.currentTimeMillis();
        return offsetMillis.getAndUpdate(offset -> base + offset > MAX_MILLIS - step ? offset : offset + step)
                + base <= MAX_MILLIS - step;
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
