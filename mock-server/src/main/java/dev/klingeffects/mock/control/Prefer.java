package dev.klingeffects.mock.control;

import dev.klingeffects.contract.ContractError;
import dev.klingeffects.mock.tasks.Lifecycle;
import java.util.Locale;

/**
 * A request's {@code Prefer} header, in the style of Prism: {@code code=429} answers that documented
 * status, {@code outcome=failed|success} decides a submitted task's end, {@code delay=500} holds the
 * answer back for that many milliseconds. Tokens are separated by commas or semicolons.
 *
 * @param code     the status to answer, or null
 * @param outcome  the outcome asked for a new task
 * @param delayMillis how long to wait before answering
 */
public record Prefer(Integer code, Lifecycle.Requested outcome, long delayMillis) {

    /** Longest delay a request may ask for. */
    public static final long MAX_DELAY_MILLIS = 60_000;

    private static final Prefer NONE = new Prefer(null, Lifecycle.Requested.ANY, 0);

    /** The parsed header, or the 400 error for a malformed one. */
    public record Parsed(Prefer prefer, ContractError error) {}

    /**
     * @param header the header value, or null
     * @return the preferences
     */
    public static Parsed parse(String header) {
        if (header == null || header.isBlank()) {
            return new Parsed(NONE, null);
        }
        Integer code = null;
        Lifecycle.Requested outcome = Lifecycle.Requested.ANY;
        long delay = 0;
        for (String token : header.split("[,;]")) {
            String trimmed = token.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String name = (equals < 0 ? trimmed : trimmed.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : trimmed.substring(equals + 1).strip().replace("\"", "");
            try {
                switch (name) {
                    case "code" -> code = Integer.valueOf(value);
                    case "outcome" -> outcome = switch (value.toLowerCase(Locale.ROOT)) {
                        case "success" -> Lifecycle.Requested.SUCCESS;
                        case "failed" -> Lifecycle.Requested.FAILED;
                        default -> throw new IllegalArgumentException();
                    };
                    case "delay" -> {
                        delay = Long.parseLong(value);
                        if (delay < 0 || delay > MAX_DELAY_MILLIS) {
                            throw new IllegalArgumentException();
                        }
                    }
                    default -> {
                        // Other preferences (RFC 7240's respond-async, Prism's example=…) are ignored.
                    }
                }
            } catch (IllegalArgumentException e) {
                return new Parsed(null, ContractError.invalidParameters("header 'Prefer' has an invalid "
                        + name + ", got " + ContractError.quote(value) + " (use code=<documented status>, "
                        + "outcome=success|failed, delay=0.." + MAX_DELAY_MILLIS + ")"));
            }
        }
        return new Parsed(new Prefer(code, outcome, delay), null);
    }
}
