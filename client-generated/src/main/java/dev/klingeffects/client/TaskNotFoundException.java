package dev.klingeffects.client;

/** 404: the task is unknown, expired, or belongs to another key. */
public class TaskNotFoundException extends ModellixApiException {

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     */
    public TaskNotFoundException(int status, String category, String detail, RateLimitInfo rateLimit) {
        super(status, category, detail, rateLimit);
    }

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     * @param retryable whether the same request may be sent again
     */
    public TaskNotFoundException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status, category, detail, rateLimit, retryable);
    }
}
