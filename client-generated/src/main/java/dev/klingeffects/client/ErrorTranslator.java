package dev.klingeffects.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingeffects.contract.ContractError;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns an error answer into the typed, unchecked exceptions. */
final class ErrorTranslator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorTranslator() {}

    static ModellixApiException translate(Answer answer, boolean submit, Redaction redaction) {
        ContractError error = ContractError.parse(answer.status(), redaction.redact(messageOf(answer)));
        return typed(error, answer.headers().map(), submit);
    }

    /**
     * @param headers the error answer's headers, empty for an error found before any answer
     * @param submit  whether the failed call was a submit, which is retryable only on 429
     */
    static ModellixApiException typed(ContractError error, Map<String, List<String>> headers, boolean submit) {
        boolean retryable = error.status() == 429 || (!submit && error.status() >= 500);
        int status = error.status();
        String category = error.category();
        String detail = error.detail();
        return switch (status) {
            case 400, 413 -> new InvalidRequestException(status, category, detail, headers, retryable);
            case 401 -> new AuthenticationException(status, category, detail, headers, retryable);
            case 402 -> new InsufficientBalanceException(status, category, detail, headers, retryable);
            case 404 -> new TaskNotFoundException(status, category, detail, headers, retryable);
            case 429 -> new RateLimitException(status, category, detail, headers, retryable);
            default -> status >= 500 ? new ServerException(status, category, detail, headers, retryable)
                    : new ModellixApiException(status, category, detail, headers, retryable);
        };
    }

    private static String messageOf(Answer answer) {
        String body = answer.body();
        if (body != null && !body.isBlank()) {
            try {
                JsonNode json = JSON.readTree(body);
                if (json != null && json.hasNonNull("message")) {
                    return json.get("message").asText();
                }
            } catch (java.io.IOException | RuntimeException ignored) {
                // not the API's error shape (e.g. a proxy's HTML page): report the raw text below
            }
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
        return "HTTP " + answer.status();
    }

    /** A server's wait beyond this is not a wait but a bug; it is read as this long, which no retry budget allows. */
    static final Duration LONGEST_SERVER_WAIT = Duration.ofDays(1);

    static RateLimitInfo rateLimit(HttpHeaders headers, Instant now) {
        long reset = number(headers, "X-RateLimit-Reset");
        long limit = number(headers, "X-RateLimit-Limit");
        long remaining = number(headers, "X-RateLimit-Remaining");
        // Epoch seconds beyond a year from now are no reset time this API would send (and beyond Instant's range, none at all).
        Instant resetAt = reset < 0 || reset > now.getEpochSecond() + 366L * 24 * 3600 ? null : Instant.ofEpochSecond(reset);
        return new RateLimitInfo((int) Math.min(limit, Integer.MAX_VALUE), (int) Math.min(remaining, Integer.MAX_VALUE),
                resetAt, retryAfter(headers, now));
    }

    /** {@code Retry-After} in seconds, or as an HTTP date (RFC 9110 allows both). */
    static Duration retryAfter(HttpHeaders headers, Instant now) {
        long seconds = number(headers, "Retry-After");
        if (seconds >= 0) {
            return Duration.ofSeconds(Math.min(seconds, LONGEST_SERVER_WAIT.toSeconds()));
        }
        return headers.firstValue("Retry-After").map(String::strip).flatMap(value -> {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
                return Optional.of(wait.compareTo(LONGEST_SERVER_WAIT) > 0 ? LONGEST_SERVER_WAIT : wait);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static long number(HttpHeaders headers, String name) {
        return headers.firstValue(name).map(String::strip).filter(value -> value.matches("[0-9]{1,18}"))
                .map(Long::parseLong).orElse(-1L);
    }
}
