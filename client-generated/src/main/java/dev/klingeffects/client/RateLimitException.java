package dev.klingeffects.client;

import java.util.List;
import java.util.Map;

/** 429: a rate or concurrent-task limit was hit; retry after {@link RateLimitInfo#suggestedWait}. */
public class RateLimitException extends ModellixApiException {

    /**
     * For tests and fakes of {@link KlingEffectsClient}: an answer without headers, retryable as a read would be.
     *
     * @param httpStatus the HTTP status
     * @param category   the message's category
     * @param detail     the message's detail
     */
    public RateLimitException(int httpStatus, String category, String detail) {
        super(httpStatus, category, detail);
    }

    RateLimitException(int httpStatus, String category, String detail, Map<String, List<String>> headers, boolean retryable) {
        super(httpStatus, category, detail, headers, retryable);
    }
}
