package dev.klingeffects.mock.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything the mock can be told, read once at start-up from flags and environment.
 *
 * @param host                where to listen
 * @param port                port, 0 for any free one
 * @param publicUrl           base URL used in links, or null to use the request's own host
 * @param apiKeys             accepted keys; empty accepts any non-empty key
 * @param profile             {@code qa} or {@code realistic}
 * @param pendingMillis       time a task stays {@code pending}
 * @param processingMinMillis shortest time in {@code processing}
 * @param processingMaxMillis longest time in {@code processing}
 * @param failureRate         share of tasks that fail on their own
 * @param resultTtl           how long results stay downloadable after completion
 * @param rateLimitPerMinute  requests per minute per key, 0 for no limit
 * @param concurrentLimit     unfinished tasks per key, 0 for no limit
 * @param maxTasks            most tasks kept in memory
 * @param journalSize         most requests kept in the journal
 * @param seed                seed of random choices (timings, failures)
 * @param accessLog           whether to log one line per request
 * @param frozenClock         whether the mock's time moves only through the admin API
 * @param adminToken          the Bearer token {@code /__admin} requires, or null for none
 * @param uploadMemoryBytes   bytes all request bodies in flight may hold together (the server raises it
 *                            to what one maximal body needs)
 * @param maxUploads          request bodies received at once
 * @param bodyTimeout         how long a whole request body may take to arrive
 * @param shutdownGrace       how long requests in flight may take to finish on stop
 */
public record Settings(String host, int port, String publicUrl, Set<String> apiKeys, String profile,
                       long pendingMillis, long processingMinMillis, long processingMaxMillis, double failureRate,
                       Duration resultTtl, int rateLimitPerMinute, int concurrentLimit, int maxTasks,
                       int journalSize, long seed, boolean accessLog,
                       boolean frozenClock, String adminToken, long uploadMemoryBytes, int maxUploads,
                       Duration bodyTimeout, Duration shutdownGrace) {

    /** Copies the key set so the record stays immutable. */
    public Settings {
        apiKeys = Set.copyOf(apiKeys);
    }

    /** @return the settings as lines to print at start, keys masked */
    public List<String> describe() {
        return List.of(
                "profile            " + profile,
                "host               " + host + (port == 0 ? " (port: any free one)" : ":" + port),
                "public url         " + (publicUrl == null ? "(the request's own host)" : publicUrl),
                "api keys           " + (apiKeys.isEmpty() ? "any non-empty key"
                        : String.join(", ", apiKeys.stream().map(Settings::mask).sorted().toList())),
                "pending            " + pendingMillis + " ms",
                "processing         " + (processingMinMillis == processingMaxMillis ? processingMinMillis + " ms"
                        : processingMinMillis + "-" + processingMaxMillis + " ms"),
                "failure rate       " + failureRate,
                "result ttl         " + resultTtl,
                "rate limit         " + (rateLimitPerMinute == 0 ? "off" : rateLimitPerMinute + " requests/min per key"),
                "concurrent limit   " + (concurrentLimit == 0 ? "off" : concurrentLimit + " unfinished tasks per key"),
                "max tasks          " + maxTasks,
                "journal size       " + journalSize,
                "seed               " + seed,
                "access log         " + (accessLog ? "on" : "off"),
                "clock              " + (frozenClock ? "frozen (moves only via /__admin/clock/advance)" : "wall time"),
                "state              in memory only (a restart forgets every task)",
                "admin api          " + (adminToken == null ? "open (no --admin-token)" : "Bearer token required"),
                "uploads            " + maxUploads + " at once, " + uploadMemoryBytes / (1024 * 1024)
                        + " MB together, each within " + bodyTimeout.toSeconds() + " s",
                "shutdown grace     " + shutdownGrace.toSeconds() + " s");
    }

    /**
     * @param key an API key
     * @return the key with all but its first and last two characters hidden
     */
    public static String mask(String key) {
        return dev.klingeffects.mock.auth.KeyId.mask(key);
    }
}
