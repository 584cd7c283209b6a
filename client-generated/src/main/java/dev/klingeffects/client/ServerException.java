package dev.klingeffects.client;

/** 5xx: the service failed or is unavailable; reads may be retried, submits not blindly. */
public class ServerException extends ModellixApiException {

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     */
    public ServerException(int status, String category, String detail, RateLimitInfo rateLimit) {
        super(status, category, detail, rateLimit);
    }

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     * @param retryable whether the same request may be sent again
     */
    public ServerException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status, category, detail, rateLimit, retryable);
    }
}
