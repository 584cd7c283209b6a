package dev.klingeffects.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.contract.ContractError;
import dev.klingeffects.contract.ContractSpec;
import java.util.Map;

/**
 * The answers for {@code Prefer: code=N}: the spec's own example body for that status, with the
 * headers a real answer carries (a short {@code Retry-After} so tests do not wait).
 */
final class ForcedReplies {

    private static final String FORCED_RETRY_AFTER_SECONDS = "1";

    private final ContractSpec spec;
    private final int perMinute;

    /** @param configuredPerMinute the mock's own rate limit; 0 (off) reports the spec's upstream limit */
    ForcedReplies(ContractSpec spec, int configuredPerMinute) {
        this.spec = spec;
        this.perMinute = configuredPerMinute > 0 ? configuredPerMinute
                : spec.modellix().path("rate-limit-requests-per-minute").asInt();
    }

    Reply forStatus(ContractSpec.Operation operation, int status, long nowMillis, String taskId) {
        if (status == 429) {
            return Reply.error(ContractError.rateLimitExceeded(perMinute, 1)).withHeaders(Map.of(
                    "Retry-After", FORCED_RETRY_AFTER_SECONDS,
                    "X-RateLimit-Limit", String.valueOf(perMinute),
                    "X-RateLimit-Remaining", "0",
                    "X-RateLimit-Reset", String.valueOf(nowMillis / 1000 + 1)));
        }
        if (status == 404 && taskId != null) {
            return Reply.error(ContractError.notFound("task " + ContractError.quote(taskId) + " not found"));
        }
        JsonNode example = operation.firstExample(status).orElseThrow();
        Reply reply = Reply.json(status, example);
        return operation.documentedHeaders(status).contains("Retry-After")
                ? reply.withHeaders(Map.of("Retry-After", FORCED_RETRY_AFTER_SECONDS)) : reply;
    }
}
