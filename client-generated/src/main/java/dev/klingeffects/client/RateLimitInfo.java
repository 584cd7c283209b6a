package dev.klingeffects.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rate-limit headers of a response, where the server sent them.
 *
 * @param limit      {@code X-RateLimit-Limit}: requests allowed per minute, or -1
 * @param remaining  {@code X-RateLimit-Remaining}: requests left in this window, or -1
 * @param resetAt    {@code X-RateLimit-Reset}: when the window resets, or null
 * @param retryAfter {@code Retry-After}: how long to wait, or null
 */
public record RateLimitInfo(int limit, int remaining, Instant resetAt, Duration retryAfter) {

    /**
     * @param now the time to measure {@code X-RateLimit-Reset} from
     * @return the wait the server asked for: {@code Retry-After}, else until {@code X-RateLimit-Reset}
     */
    public Optional<Duration> suggestedWait(Instant now) {
        if (retryAfter != null) {
            return Optional.of(retryAfter);
        }
        if (resetAt != null && resetAt.isAfter(now)) {
            return Optional.of(Duration.between(now, resetAt));
        }
        return Optional.empty();
    }
}
