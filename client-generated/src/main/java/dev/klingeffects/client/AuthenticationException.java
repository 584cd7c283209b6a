package dev.klingeffects.client;

/** 401: the API key is missing, invalid or expired. */
public class AuthenticationException extends ModellixApiException {

    /** See {@link ModellixApiException#ModellixApiException(int, String, String, RateLimitInfo)}. */
    public AuthenticationException(int status, String category, String detail, RateLimitInfo rateLimit) {
        super(status, category, detail, rateLimit);
    }

    /** See {@link ModellixApiException#ModellixApiException(int, String, String, RateLimitInfo, boolean)}. */
    public AuthenticationException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status, category, detail, rateLimit, retryable);
    }
}
