package dev.klingeffects.mock.limits;

import dev.klingeffects.mock.auth.KeyId;
import dev.klingeffects.mock.tasks.MockClock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per key per one-minute window of the mock clock, as upstream counts them. At most
 * {@link #MAX_TRACKED_KEYS} keys are counted apart: once that many keys have a window, the windows of
 * past minutes are dropped (once per minute, not per request), and keys first seen in a minute whose
 * windows are all taken share one window, so together they get the limit of one key. A client sending
 * a new key with every request can neither grow the mock's memory nor escape the limit.
 */
public final class RateLimiter {

    /** Most keys with a window of their own; each costs about 150 bytes, so all of them about 1.5 MB. */
    public static final int MAX_TRACKED_KEYS = 10_000;
    private static final long WINDOW_MILLIS = 60_000;
    /** The window shared by the keys beyond {@link #MAX_TRACKED_KEYS} in one minute. */
    private static final KeyId OVERFLOW = new KeyId(0, 0, "(keys beyond the tracked ones)");

    /** One request's verdict and the values of the {@code X-RateLimit-*} headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {}

    private record Window(long start, int count) {}

    private final int perMinute;
    private final MockClock clock;
    private final Map<KeyId, Window> windows = new ConcurrentHashMap<>();
    /** The window start of the last pruning, so a full map is pruned once per minute rather than on every request. */
    private final AtomicLong prunedAt = new AtomicLong(Long.MIN_VALUE);

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
     * @param key the API key's fingerprint
     * @return the verdict
     */
    public Decision take(KeyId key) {
        long now = clock.now();
        long start = now - Math.floorMod(now, WINDOW_MILLIS);
        KeyId counted = key;
        if (windows.size() >= MAX_TRACKED_KEYS && !windows.containsKey(key)) {
            if (prunedAt.getAndSet(start) != start) {
                windows.values().removeIf(window -> window.start() != start);
            }
            if (windows.size() >= MAX_TRACKED_KEYS) {
                counted = OVERFLOW;
            }
        }
        Window window = windows.compute(counted, (k, current) -> current == null || current.start() != start
                ? new Window(start, 1) : new Window(start, current.count() + 1));
        long resetMillis = start + WINDOW_MILLIS;
        long retryAfter = Math.max(1, (resetMillis - now + 999) / 1000);
        boolean allowed = window.count() <= perMinute;
        return new Decision(allowed, perMinute, Math.max(0, perMinute - window.count()),
                Math.floorDiv(resetMillis, 1000), retryAfter);
    }

    /** @return how many windows are held now, the shared one included */
    public int trackedKeys() {
        return windows.size();
    }

    /** Forgets every window. */
    public void reset() {
        windows.clear();
        prunedAt.set(Long.MIN_VALUE);
    }
}
