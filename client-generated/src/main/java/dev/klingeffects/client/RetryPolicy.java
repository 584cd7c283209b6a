package dev.klingeffects.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries. Reads retry on 429, 5xx and I/O errors; a submit retries only on 429
 * (rejected before billing) and on failures that prove the request never reached the server. The
 * wait is the server's {@code Retry-After} or {@code X-RateLimit-Reset} when given, else exponential
 * backoff with jitter, within both bounds.
 *
 * @param maxAttempts    most attempts per call, the first included (1 = no retry)
 * @param initialBackoff first wait when the server names none
 * @param maxBackoff     longest single wait
 * @param maxTotalTime   longest time spent on one call, waits and the attempt in progress included
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalTime) {

    /**
     * Checks the bounds.
     *
     * @param maxAttempts    at least 1
     * @param initialBackoff not negative
     * @param maxBackoff     not negative
     * @param maxTotalTime   positive
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxTotalTime, "maxTotalTime");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoffs cannot be negative");
        }
        if (maxTotalTime.isNegative() || maxTotalTime.isZero()) {
            throw new IllegalArgumentException("maxTotalTime must be positive, got " + maxTotalTime);
        }
    }

    /** @return 4 attempts, 1 s doubling to 30 s, at most 2 minutes per call */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** @return no retries at all: one attempt, bounded by the request timeout alone */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofDays(1));
    }
}
