package dev.klingeffects.client;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful answer with what came with it: status and headers (rate limits included), from
 * {@link KlingEffectsClient#withRawResponse()}. After retries, the answer of the attempt that succeeded.
 *
 * @param <T>        the value read from the body
 * @param httpStatus the HTTP status
 * @param headers    every header, names as the server sent them
 * @param value      the value read from the body
 */
public record RawResponse<T>(int httpStatus, Map<String, List<String>> headers, T value) {

    /**
     * Copies the headers so the record stays immutable.
     *
     * @param httpStatus the HTTP status
     * @param headers    every header
     * @param value      the value read from the body
     */
    public RawResponse {
        headers = Map.copyOf(headers);
    }

    /**
     * @param name a header name, in any case
     * @return its first value, if sent
     */
    public Optional<String> header(String name) {
        return httpHeaders().firstValue(name);
    }

    /** @return the rate-limit headers of this answer */
    public RateLimitInfo rateLimit() {
        return ErrorTranslator.rateLimit(httpHeaders(), Instant.now());
    }

    private HttpHeaders httpHeaders() {
        return HttpHeaders.of(headers, (name, value) -> true);
    }
}
