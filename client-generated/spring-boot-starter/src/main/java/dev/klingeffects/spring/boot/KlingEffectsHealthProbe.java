package dev.klingeffects.spring.boot;

import dev.klingeffects.client.AuthenticationException;
import dev.klingeffects.client.KlingEffectsClient;
import dev.klingeffects.client.ModellixApiException;
import dev.klingeffects.client.ModellixException;
import dev.klingeffects.client.RateLimitException;
import dev.klingeffects.client.RequestOptions;
import dev.klingeffects.client.RetryPolicy;
import dev.klingeffects.client.TaskNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether the API is reachable and takes the key, at no cost: one poll of a task id no submit ever returns
 * (404 is up, 401 is down), never a submit, and its answer reused for the cache time so health probes do not
 * spend the rate limit. Knows no Spring type, so each Spring Boot generation's indicator wraps it.
 */
final class KlingEffectsHealthProbe {

    /** A task id that cannot exist: upstream's ids look like {@code task-…}, this one never will. */
    static final String PROBE_TASK_ID = "kling-effects-health-probe";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /** {@code status} is {@code UP}, {@code DOWN} or {@code UNKNOWN}, as in Spring's {@code Status}. */
    record Result(String status, Map<String, Object> details) {}

    private final KlingEffectsClient client;
    private final String baseUrl;
    private final Duration cacheTime;
    private final Clock clock;
    private Result last;
    private Instant lastAt;

    KlingEffectsHealthProbe(KlingEffectsClient client, String baseUrl, Duration cacheTime, Clock clock) {
        this.client = client.withOptions(RequestOptions.builder().retryPolicy(RetryPolicy.none()).timeout(PROBE_TIMEOUT).build());
        this.baseUrl = baseUrl;
        this.cacheTime = cacheTime;
        this.clock = clock;
    }

    synchronized Result check() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(cacheTime))) {
            last = probe(now);
            lastAt = now;
        }
        return last;
    }

    private Result probe(Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseUrl", baseUrl);
        details.put("checkedAt", now.toString());
        try {
            client.getTask(PROBE_TASK_ID);
            return new Result("UP", details); // a task by that name exists after all: reachable, key taken
        } catch (TaskNotFoundException expected) {
            details.put("httpStatus", expected.httpStatus());
            return new Result("UP", details);
        } catch (AuthenticationException refused) {
            details.put("httpStatus", refused.httpStatus());
            details.put("reason", "the API key was refused (401): check modellix.api-key");
            return new Result("DOWN", details);
        } catch (RateLimitException limited) {
            details.put("httpStatus", limited.httpStatus());
            details.put("reason", "rate limited (429): the key's request budget is spent for now");
            return new Result("UNKNOWN", details);
        } catch (ModellixApiException answered) {
            details.put("httpStatus", answered.httpStatus());
            details.put("reason", answered.getMessage()); // redacted by the client: never the key
            return new Result("DOWN", details);
        } catch (ModellixException failed) {
            details.put("reason", failed.getMessage());
            return new Result("DOWN", details);
        }
    }
}
