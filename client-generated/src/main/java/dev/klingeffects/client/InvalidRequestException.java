package dev.klingeffects.client;

/** 400 (and 413): the request broke a rule; fix it, do not retry. */
public class InvalidRequestException extends ModellixApiException {

    /** See {@link ModellixApiException#ModellixApiException(int, String, String, RateLimitInfo)}. */
    public InvalidRequestException(int status, String category, String detail, RateLimitInfo rateLimit) {
        super(status, category, detail, rateLimit);
    }

    /** See {@link ModellixApiException#ModellixApiException(int, String, String, RateLimitInfo, boolean)}. */
    public InvalidRequestException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status, category, detail, rateLimit, retryable);
    }
}
