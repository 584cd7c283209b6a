package dev.klingeffects.client;

/**
 * The API answered with an error: {@code {"code": status, "message": "<Category>: <detail>"}}.
 * Subtypes name the status; {@link #retryable()} says whether trying again may help.
 */
public class ModellixApiException extends ModellixException {

    /** The HTTP status. */
    private final int status;
    /** The message's category. */
    private final String category;
    /** The message's detail. */
    private final String detail;
    private final transient RateLimitInfo rateLimit;
    /** Whether the same request may be sent again. */
    private final boolean retryable;

    /**
     * @param status    HTTP status
     * @param category  the message's category, e.g. {@code Invalid parameters}
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     */
    public ModellixApiException(int status, String category, String detail, RateLimitInfo rateLimit) {
        this(status, category, detail, rateLimit, status == 429 || status >= 500);
    }

    /**
     * @param status    HTTP status
     * @param category  the message's category
     * @param detail    the message's detail
     * @param rateLimit the response's rate-limit headers
     * @param retryable whether the same request may be sent again: a read on 429 and 5xx, a submit
     *                  (which costs money) only on 429
     */
    public ModellixApiException(int status, String category, String detail, RateLimitInfo rateLimit, boolean retryable) {
        super(status + " " + (category.isEmpty() ? detail : category + ": " + detail), null);
        this.status = status;
        this.category = category;
        this.detail = detail;
        this.rateLimit = rateLimit;
        this.retryable = retryable;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the category of the message, e.g. {@code Value out of range}; empty if the server sent none */
    public String category() {
        return category;
    }

    /** @return the detail of the message, naming the parameter and the value found */
    public String detail() {
        return detail;
    }

    /** @return the server's message as sent: {@code <Category>: <detail>} */
    public String apiMessage() {
        return category.isEmpty() ? detail : category + ": " + detail;
    }

    /**
     * @return whether sending the same request again may succeed and is safe: for reads 429 and 5xx; for a
     *         submit only 429 (after a 5xx the task may exist and be billed, so it must not be sent blindly)
     */
    public boolean retryable() {
        return retryable;
    }

    /** @return the rate-limit headers of the response */
    public RateLimitInfo rateLimit() {
        return rateLimit;
    }
}
