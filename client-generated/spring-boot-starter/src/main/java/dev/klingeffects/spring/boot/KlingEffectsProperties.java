package dev.klingeffects.spring.boot;

import dev.klingeffects.client.KlingEffectsClient;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * The modellix.* settings of the auto-configured {@link KlingEffectsClient}. Durations take Spring's
 * forms (30s, 2m, PT30S); a bare number is seconds for the two timeouts (as their MODELLIX_CONNECT_TIMEOUT
 * and MODELLIX_REQUEST_TIMEOUT twins, which Spring binds to them, are read by the client) and milliseconds
 * elsewhere. Every default is the client builder's own.
 *
 * @param apiKey             the Modellix API key; when unset, the MODELLIX_API_KEY environment variable
 * @param baseUrl            the API's base URL, e.g. http://localhost:8080 for the mock
 * @param connectTimeout     how long to wait for a connection
 * @param requestTimeout     how long one HTTP exchange may take, answer body included
 * @param retry              how calls are retried
 * @param poll               how often a task is polled while awaited
 * @param maxUnfinishedTasks most tasks submitted and not yet seen to end (the account's concurrent-task limit,
 *                           typically 3); 0 for no cap
 * @param preChecks          whether to reject near misses of known effects, the wrong image shape and
 *                           unsupported durations before any network call
 * @param health             the Actuator health contributor
 */
@ConfigurationProperties("modellix")
public record KlingEffectsProperties(
        String apiKey,
        @DefaultValue(KlingEffectsClient.DEFAULT_BASE_URL) String baseUrl,
        @DefaultValue("10s") @DurationUnit(ChronoUnit.SECONDS) Duration connectTimeout,
        @DefaultValue("60s") @DurationUnit(ChronoUnit.SECONDS) Duration requestTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Poll poll,
        @DefaultValue("0") int maxUnfinishedTasks,
        @DefaultValue("true") boolean preChecks,
        @DefaultValue Health health) {

    /**
     * The retry policy (RetryPolicy): reads retry on 429, 5xx and I/O errors, a submit only on 429
     * and when the request never left.
     *
     * @param maxAttempts    most attempts per call, the first included (1 = no retry)
     * @param initialBackoff first wait when the server names none
     * @param maxBackoff     longest single wait
     * @param maxTotalTime   longest time spent on one call, waits and the attempt in progress included
     */
    public record Retry(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("2m") Duration maxTotalTime) {}

    /**
     * The wait between polls of an awaited task, growing from the first to the longest, with jitter.
     *
     * @param firstInterval the first wait between polls
     * @param maxInterval   the longest wait between polls
     */
    public record Poll(
            @DefaultValue("1s") Duration firstInterval,
            @DefaultValue("10s") Duration maxInterval) {}

    /**
     * The Actuator health contributor modellix: a poll of a task id that cannot exist (404 is up, 401 is
     * down), so it never submits and never pays.
     *
     * @param enabled   whether to contribute the health (off unless enabled)
     * @param cacheTime how long a result is reused, so health probes do not spend the rate limit
     */
    public record Health(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("60s") Duration cacheTime) {}

    /** Never prints the key: Spring and its failure messages print bound properties. */
    @Override
    public String toString() {
        return "KlingEffectsProperties[apiKey=" + (apiKey == null ? "(unset)" : "****") + ", baseUrl=" + baseUrl
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", retry=" + retry
                + ", poll=" + poll + ", maxUnfinishedTasks=" + maxUnfinishedTasks + ", preChecks=" + preChecks
                + ", health=" + health + "]";
    }
}
