package dev.klingeffects.client;

/** 402: the account's balance is too low; top up, do not retry. */
public class InsufficientBalanceException extends ModellixApiException {

    /** See {@link ModellixApiException#ModellixApiException(int, String, String, RateLimitInfo)}. */
    public InsufficientBalanceException(int status, String category, String detail, RateLimitInfo rateLimit) {
        super(status, category, detail, rateLimit);
    }

    /** See {@link ModellixApiException#ModellixApiException(int, String, String, RateLimitInfo, boolean)}. */
    public InsufficientBalanceException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status, category, detail, rateLimit, retryable);
    }
}
