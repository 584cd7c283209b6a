package dev.klingeffects.client;

/** 401: the API key is missing, invalid or expired. */
public class AuthenticationException extends ModellixApiException {

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     */
    public AuthenticationException(int status, String category, String detail, RateLimitInfo rateLimit) {
        super(status, category, detail, rateLimit);
    }

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     * @param retryable whether the same request may be sent again
     */
    public AuthenticationException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status, category, detail, rateLimit, retryable);
    }
}
