package dev.klingeffects.mock.limits;

import dev.klingeffects.mock.tasks.MockClock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests per key per one-minute window of the mock clock, as upstream counts them. */
public final class RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int PRUNE_ABOVE_KEYS = 10_000;

    /** One request's verdict and the values of the {@code X-RateLimit-*} headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {}

    private record Window(long start, int count) {}

    private final int perMinute;
    private final MockClock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param perMinute requests allowed per key and minute; 0 turns the limit off
     * @param clock     the mock's clock
     */
    public RateLimiter(int perMinute, MockClock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** @return whether a limit is set */
    public boolean enabled() {
        return perMinute > 0;
    }

    /**
     * Counts one request of {@code key}.
     *
     * @param key the API key
     * @return the verdict
     */
    public Decision take(String key) {
        long now = clock.now();
        long start = now - Math.floorMod(now, WINDOW_MILLIS);
        if (windows.size() > PRUNE_ABOVE_KEYS) {
            windows.values().removeIf(window -> window.start() < start);
        }
        Window window = windows.compute(key, (k, current) -> current == null || current.start() != start
                ? new Window(start, 1) : new Window(start, current.count() + 1));
        long resetMillis = start + WINDOW_MILLIS;
        long retryAfter = Math.max(1, (resetMillis - now + 999) / 1000);
        boolean allowed = window.count() <= perMinute;
        return new Decision(allowed, perMinute, Math.max(0, perMinute - window.count()),
                Math.floorDiv(resetMillis, 1000), retryAfter);
    }

    /** Forgets every window. */
    public void reset() {
        windows.clear();
    }
}
