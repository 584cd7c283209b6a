package dev.klingeffects.contract;

/**
 * An error as the API reports it: an HTTP status and a message {@code "<Category>: <detail>"}.
 * All error messages of the client's pre-checks and of the mock are built here.
 *
 * @param status   the HTTP status, also sent as the body's {@code code}
 * @param category the message's category, e.g. {@code Invalid parameters}
 * @param detail   what was wrong, naming the parameter and the value found
 */
public record ContractError(int status, String category, String detail) {

    /** Longest excerpt of a client value quoted back in a message. */
    private static final int QUOTE_LIMIT = 64;

    /** @return the body's {@code message}: {@code "<Category>: <detail>"} */
    public String message() {
        return category + ": " + detail;
    }

    /**
     * Splits a received message into category and detail.
     *
     * @param status  the HTTP status
     * @param message the body's message
     * @return the error; the category is empty when the message has no {@code ": "}
     */
    public static ContractError parse(int status, String message) {
        String text = message == null ? "" : message;
        int colon = text.indexOf(": ");
        return colon < 0 ? new ContractError(status, "", text)
                : new ContractError(status, text.substring(0, colon), text.substring(colon + 2));
    }

    /** @return a 400 {@code Invalid parameters} error */
    public static ContractError invalidParameters(String detail) {
        return new ContractError(400, "Invalid parameters", detail);
    }

    /** @return a 400 {@code Invalid format} error */
    public static ContractError invalidFormat(String detail) {
        return new ContractError(400, "Invalid format", detail);
    }

    /** @return a 400 {@code Value out of range} error */
    public static ContractError valueOutOfRange(String detail) {
        return new ContractError(400, "Value out of range", detail);
    }

    /** @return a 401 {@code Authentication failed} error */
    public static ContractError authenticationFailed(String detail) {
        return new ContractError(401, "Authentication failed", detail);
    }

    /** @return a 404 {@code Resource not found} error */
    public static ContractError notFound(String detail) {
        return new ContractError(404, "Resource not found", detail);
    }

    /** @return a 405 {@code Method not allowed} error */
    public static ContractError methodNotAllowed(String detail) {
        return new ContractError(405, "Method not allowed", detail);
    }

    /** @return a 413 {@code Payload too large} error */
    public static ContractError payloadTooLarge(long maxBytes) {
        return new ContractError(413, "Payload too large", "request body must be at most " + maxBytes + " bytes");
    }

    /** @return a 429 {@code Rate limit exceeded} error */
    public static ContractError rateLimitExceeded(int perMinute, long retryAfterSeconds) {
        return new ContractError(429, "Rate limit exceeded", "at most " + perMinute
                + " requests per minute per team, retry after " + retryAfterSeconds + " s");
    }

    /** @return a 429 {@code Concurrent limit exceeded} error */
    public static ContractError concurrentLimitExceeded(int unfinished) {
        return new ContractError(429, "Concurrent limit exceeded", "at most " + unfinished
                + " unfinished tasks per team, wait for one to finish");
    }

    /** @return a 500 {@code Internal error} */
    public static ContractError internalError() {
        return new ContractError(500, "Internal error", "an unexpected error occurred, please retry later");
    }

    /**
     * Quotes a value the client sent, shortened so a huge value never floods a message.
     *
     * @param value the client's value
     * @return {@code 'value'}, cut after 64 characters with {@code …}
     */
    public static String quote(String value) {
        String shown = value.length() > QUOTE_LIMIT ? value.substring(0, QUOTE_LIMIT) + "…" : value;
        return "'" + shown + "'";
    }
}
