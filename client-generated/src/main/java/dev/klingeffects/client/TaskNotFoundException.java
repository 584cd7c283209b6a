package dev.klingeffects.client;

/** 404: the task is unknown, expired, or belongs to another key. */
public class TaskNotFoundException extends ModellixApiException {

    /** See {@link ModellixApiException#ModellixApiException(int, String, String, RateLimitInfo)}. */
    public TaskNotFoundException(int status, String category, String detail, RateLimitInfo rateLimit) {
        super(status, category, detail, rateLimit);
    }

    /** See {@link ModellixApiException#ModellixApiException(int, String, String, RateLimitInfo, boolean)}. */
    public TaskNotFoundException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status, category, detail, rateLimit, retryable);
    }
}
