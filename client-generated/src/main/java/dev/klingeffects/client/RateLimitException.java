package dev.klingeffects.client;

/** 429: a rate or concurrent-task limit was hit; retry after {@link RateLimitInfo#suggestedWait}. */
public class RateLimitException extends ModellixApiException {

    /** See {@link ModellixApiException#ModellixApiException(int, String, String, RateLimitInfo)}. */
    public RateLimitException(int status, String category, String detail, RateLimitInfo rateLimit) {
        super(status, category, detail, rateLimit);
    }

    /** See {@link ModellixApiException#ModellixApiException(int, String, String, RateLimitInfo, boolean)}. */
    public RateLimitException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status, category, detail, rateLimit, retryable);
    }
}
