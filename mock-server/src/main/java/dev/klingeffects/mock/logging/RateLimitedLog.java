package dev.klingeffects.mock.logging;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Log lines a client can cause, kept to a fixed rate: at most {@code perSecond} lines a second; beyond
 * that lines are only counted, and the first line of a later second is preceded by one saying how many
 * were suppressed. Client text in a line goes through {@link ClientText#clip}. So however fast a client sends,
 * the log grows by at most {@code perSecond} lines of bounded length a second, plus one summary.
 * Checking the rate is two atomic operations, and a suppressed line is never formatted.
 */
public final class RateLimitedLog {

    private static final long SECOND_NANOS = 1_000_000_000L;

    private final Consumer<String> sink;
    private final int perSecond;
    private final LongSupplier nanoTime;
    private final String name;
    /** The second lines are being counted in, and how many were written in it: one word, updated together. */
    private final AtomicLong secondAndCount = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    /**
     * @param logger    where lines go
     * @param warn      whether at WARN (else INFO)
     * @param perSecond most lines a second
     */
    public static RateLimitedLog of(Logger logger, boolean warn, int perSecond) {
        return new RateLimitedLog(warn ? logger::warn : logger::info, perSecond, System::nanoTime, logger.getName());
    }

    /**
     * @param sink      where lines go
     * @param perSecond most lines a second
     * @param nanoTime  the clock, {@link System#nanoTime} outside tests
     * @param name      what the lines are about, for the summary
     */
    public RateLimitedLog(Consumer<String> sink, int perSecond, LongSupplier nanoTime, String name) {
        this.sink = sink;
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.name = name;
    }

    /** @return whether a line may be written now; when not, it is counted as suppressed */
    public boolean admit() {
        long second = Math.floorDiv(nanoTime.getAsLong(), SECOND_NANOS);
        while (true) {
            long current = secondAndCount.get();
            boolean sameSecond = current != Long.MIN_VALUE && (current >>> 20) == (second & 0xFFFFFFFFFFFL);
            long count = sameSecond ? current & 0xFFFFF : 0;
            if (count >= perSecond) {
                suppressed.incrementAndGet();
                return false;
            }
            long next = ((second & 0xFFFFFFFFFFFL) << 20) | (count + 1);
            if (secondAndCount.compareAndSet(current, next)) {
                if (!sameSecond) {
                    long dropped = suppressed.getAndSet(0);
                    if (dropped > 0) {
                        sink.accept(dropped + " lines of " + name + " suppressed (more than " + perSecond
                                + " a second)");
                    }
                }
                return true;
            }
        }
    }

    /** Writes {@code line} if the rate allows; build the line only after {@link #admit()} when it is costly. */
    public void write(String line) {
        if (admit()) {
            sink.accept(line);
        }
    }

    /** Writes a line already admitted by {@link #admit()}. */
    public void writeAdmitted(String line) {
        sink.accept(line);
    }
}
