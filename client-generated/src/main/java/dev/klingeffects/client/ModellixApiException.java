package dev.klingeffects.client;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error: {@code {"code": httpStatus, "message": "<Category>: <detail>"}}.
 * Subtypes name the status; {@link #retryable()} says whether trying again may help; the answer's headers
 * come with it.
 */
public class ModellixApiException extends ModellixException {

    /** The HTTP status. */
    private final int httpStatus;
    /** The message's category. */
    private final String category;
    /** The message's detail. */
    private final String detail;
    /** The answer's headers. */
    private final transient Map<String, List<String>> headers;
    /** Whether the same request may be sent again. */
    private final boolean retryable;

    /**
     * For tests and fakes of {@link KlingEffectsClient}: an answer without headers, retryable as a read would
     * be (on 429 and 5xx).
     *
     * @param httpStatus the HTTP status
     * @param category   the message's category, e.g. {@code Invalid parameters}
     * @param detail     the message's detail
     */
    public ModellixApiException(int httpStatus, String category, String detail) {
        this(httpStatus, category, detail, Map.of(), httpStatus == 429 || httpStatus >= 500);
    }

    /** {@code retryable} depends on the operation (a submit is not a read), which only the client knows. */
    ModellixApiException(int httpStatus, String category, String detail, Map<String, List<String>> headers, boolean retryable) {
        super(httpStatus + " " + (category.isEmpty() ? detail : category + ": " + detail), null);
        this.httpStatus = httpStatus;
        this.category = category;
        this.detail = detail;
        this.headers = Map.copyOf(headers);
        this.retryable = retryable;
    }

    /** @return the HTTP status */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the category of the message, e.g. {@code Value out of range}; empty if the server sent none */
    public String category() {
        return category;
    }

    /** @return the detail of the message, naming the parameter and the value found */
    public String detail() {
        return detail;
    }

    /** @return the server's message as sent: {@code <Category>: <detail>} */
    public String apiMessage() {
        return category.isEmpty() ? detail : category + ": " + detail;
    }

    /**
     * @return whether sending the same request again may succeed and is safe: for reads 429 and 5xx; for a
     *         submit only 429 (after a 5xx the task may exist and be billed, so it must not be sent blindly)
     */
    public boolean retryable() {
        return retryable;
    }

    /** @return every header of the error answer, names as the server sent them; empty for a client-side check */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name a header name, in any case
     * @return its first value in the error answer, if sent
     */
    public Optional<String> header(String name) {
        return HttpHeaders.of(headers, (n, v) -> true).firstValue(name);
    }

    /** @return the rate-limit headers of the error answer */
    public RateLimitInfo rateLimit() {
        return ErrorTranslator.rateLimit(HttpHeaders.of(headers, (n, v) -> true), Instant.now());
    }
}
