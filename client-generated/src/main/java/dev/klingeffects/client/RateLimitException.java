package dev.klingeffects.client;

/** 429: a rate or concurrent-task limit was hit; retry after {@link RateLimitInfo#suggestedWait}. */
public class RateLimitException extends ModellixApiException {

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     */
    public RateLimitException(int status, String category, String detail, RateLimitInfo rateLimit) {
        super(status, category, detail, rateLimit);
    }

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     * @param retryable whether the same request may be sent again
     */
    public RateLimitException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status, category, detail, rateLimit, retryable);
    }
}
