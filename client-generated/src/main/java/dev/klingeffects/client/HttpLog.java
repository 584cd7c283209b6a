package dev.klingeffects.client;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Logs HTTP exchanges and retries when {@link KlingEffectsClient#LOG_ENV} or {@link KlingEffectsClient#LOG_PROPERTY}
 * asks for it: method, path, status, time, attempt. Never a header or a body: the key and the images stay out.
 */
final class HttpLog {

    private static final System.Logger LOG = System.getLogger("dev.klingeffects.client.http");
    static final HttpLog OFF = new HttpLog(null);

    /** The level to log at; null when off. */
    private final Level level;

    private HttpLog(Level level) {
        this.level = level;
    }

    /** @return what the system property says, else the environment variable, else off */
    static HttpLog configured() {
        String setting = System.getProperty(KlingEffectsClient.LOG_PROPERTY);
        return of(setting != null ? setting : System.getenv(KlingEffectsClient.LOG_ENV));
    }

    /** @param setting {@code info} or {@code debug}, in any case; anything else is off */
    static HttpLog of(String setting) {
        String value = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "info" -> new HttpLog(Level.INFO);
            case "debug" -> new HttpLog(Level.DEBUG);
            default -> OFF;
        };
    }

    void answered(String method, URI uri, int status, long nanos) {
        if (on()) {
            LOG.log(level, method + " " + uri.getRawPath() + " -> " + status + " in " + millis(nanos) + " ms");
        }
    }

    void failed(String method, URI uri, Throwable error, long nanos) {
        if (on()) {
            LOG.log(level, method + " " + uri.getRawPath() + " -> " + error.getClass().getSimpleName() + " after "
                    + millis(nanos) + " ms");
        }
    }

    /** A retry names the operation, the failed attempt and the wait; the failure's message is already redacted. */
    void retry(RetryEvent event) {
        if (on()) {
            LOG.log(level, "retrying " + event.operation() + " after attempt " + event.attempt() + " in "
                    + event.delay().toMillis() + " ms: " + event.failure().getMessage());
        }
    }

    private boolean on() {
        return level != null && LOG.isLoggable(level);
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
