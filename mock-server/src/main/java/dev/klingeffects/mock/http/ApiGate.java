package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.auth.ApiKeys;
import dev.klingeffects.mock.auth.KeyId;
import dev.klingeffects.mock.control.Prefer;
import dev.klingeffects.mock.limits.RateLimiter;
import dev.klingeffects.mock.logging.RateLimitedLog;
import dev.klingeffects.mock.tasks.MockClock;
import io.javalin.http.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every API call passes before its own work, in this order: the {@code Prefer} header (a
 * forced status wins over everything), authentication, the rate limit.
 */
final class ApiGate {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGate.class);
    /** Ignored preferences are worth a warning, but a client must not be able to fill the disk with them. */
    private static final int IGNORED_PREFER_LINES_PER_SECOND = 10;

    /** Admitted with a key, or refused with a reply; {@code rateHeaders} go on every answer. */
    record Admission(KeyId key, Prefer prefer, Map<String, String> rateHeaders, Reply refusal) {}

    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final ForcedReplies forced;
    private final MockClock clock;
    private final RateLimitedLog ignoredPreferences =
            RateLimitedLog.of(LOG, true, IGNORED_PREFER_LINES_PER_SECOND);

    ApiGate(ApiKeys keys, RateLimiter limiter, ForcedReplies forced, MockClock clock) {
        this.keys = keys;
        this.limiter = limiter;
        this.forced = forced;
        this.clock = clock;
    }

    Admission admit(Context ctx, ContractSpec.Operation operation, String taskId, Prefer parsed) {
        Prefer prefer = parsed;
        if (prefer.code() != null && !operation.documentedStatuses().contains(prefer.code())) {
            prefer = prefer.withoutCode();
        }
        if (prefer.ignoredCount() > 0 && ignoredPreferences.admit()) {
            ignoredPreferences.writeAdmitted("Ignored Prefer " + String.join(", ", prefer.ignored())
                    + (prefer.ignoredCount() > prefer.ignored().size()
                            ? " and " + (prefer.ignoredCount() - prefer.ignored().size()) + " more" : "")
                    + " on " + operation.id() + ": use code=<one of " + operation.documentedStatuses()
                    + ">, outcome=success|failed, delay=0.." + Prefer.MAX_DELAY_MILLIS
                    + ", fault=" + dev.klingeffects.mock.faults.Fault.wireNames() + ", fault-when=before|after");
        }
        Integer code = prefer.code();
        if (code != null && code != 200) {
            return refuse(prefer, forced.forStatus(operation, code, clock.now(), taskId));
        }
        ApiKeys.Verdict verdict = keys.authenticate(ctx.header("Authorization"));
        if (verdict.error() != null) {
            return refuse(prefer, Reply.error(verdict.error()));
        }
        if (!limiter.enabled()) {
            return new Admission(verdict.key(), prefer, Map.of(), null);
        }
        RateLimiter.Decision decision = limiter.take(verdict.key());
        Map<String, String> headers = Map.of(
                "X-RateLimit-Limit", String.valueOf(decision.limit()),
                "X-RateLimit-Remaining", String.valueOf(decision.remaining()),
                "X-RateLimit-Reset", String.valueOf(decision.resetEpochSeconds()));
        if (!decision.allowed()) {
            Reply tooMany = Reply.error(ContractError.rateLimitExceeded(decision.limit(), decision.retryAfterSeconds()))
                    .withHeaders(headers)
                    .withHeaders(Map.of("Retry-After", String.valueOf(decision.retryAfterSeconds())));
            return refuse(prefer, tooMany);
        }
        return new Admission(verdict.key(), prefer, headers, null);
    }

    /**
     * @param outcomeUsed whether a task was created with the outcome the request asked for
     * @return the reply with {@code Preference-Applied} saying what of the request's preferences it honours
     */
    static Reply withPreferenceApplied(Reply reply, Prefer prefer, boolean outcomeUsed) {
        String applied = prefer.applied(reply.status(), outcomeUsed);
        return applied == null ? reply : reply.withHeaders(Map.of("Preference-Applied", applied));
    }

    private static Admission refuse(Prefer prefer, Reply reply) {
        return new Admission(null, prefer, Map.of(), reply);
    }
}
