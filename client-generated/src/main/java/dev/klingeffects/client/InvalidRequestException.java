package dev.klingeffects.client;

/** 400 (and 413): the request broke a rule; fix it, do not retry. */
public class InvalidRequestException extends ModellixApiException {

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     */
    public InvalidRequestException(int status, String category, String detail, RateLimitInfo rateLimit) {
        super(status, category, detail, rateLimit);
    }

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     * @param retryable whether the same request may be sent again
     */
    public InvalidRequestException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status, category, detail, rateLimit, retryable);
    }
}
