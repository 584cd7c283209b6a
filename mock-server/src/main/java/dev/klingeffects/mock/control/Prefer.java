package dev.klingeffects.mock.control;

import dev.klingeffects.mock.tasks.Lifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A request's {@code Prefer} header, in the style of Prism: {@code code=429} answers that documented
 * status, {@code outcome=failed|success} decides a submitted task's end, {@code delay=500} holds the
 * answer back for that many milliseconds. Tokens are separated by commas or semicolons. As RFC 7240
 * requires, a preference the mock cannot honour is ignored, never answered with an error: the
 * response's {@code Preference-Applied} header lists what was honoured.
 *
 * @param code        the status to answer, or null
 * @param outcome     the outcome asked for a new task
 * @param delayMillis how long to wait before answering
 * @param ignored     the tokens that were not understood, for the log
 */
public record Prefer(Integer code, Lifecycle.Requested outcome, long delayMillis, List<String> ignored) {

    /** Longest delay a request may ask for. */
    public static final long MAX_DELAY_MILLIS = 60_000;

    /** Copies the list so the record stays immutable. */
    public Prefer {
        ignored = List.copyOf(ignored);
    }

    /**
     * @param header the header value, or null
     * @return the preferences
     */
    public static Prefer parse(String header) {
        Integer code = null;
        Lifecycle.Requested outcome = Lifecycle.Requested.ANY;
        long delay = 0;
        List<String> ignored = new ArrayList<>();
        if (header == null) {
            return new Prefer(null, outcome, 0, ignored);
        }
        for (String token : header.split("[,;]")) {
            String trimmed = token.strip();
            int equals = trimmed.indexOf('=');
            String name = (equals < 0 ? trimmed : trimmed.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : trimmed.substring(equals + 1).strip().replace("\"", "");
            switch (name) {
                case "code" -> code = value.matches("[1-5][0-9]{2}") ? Integer.valueOf(value) : ignore(ignored, trimmed, code);
                case "outcome" -> outcome = switch (value.toLowerCase(Locale.ROOT)) {
                    case "success" -> Lifecycle.Requested.SUCCESS;
                    case "failed" -> Lifecycle.Requested.FAILED;
                    default -> ignore(ignored, trimmed, outcome);
                };
                case "delay" -> delay = value.matches("[0-9]{1,5}") && Long.parseLong(value) <= MAX_DELAY_MILLIS
                        ? Long.parseLong(value) : ignore(ignored, trimmed, delay);
                case "" -> { }
                default -> ignored.add(trimmed);
            }
        }
        return new Prefer(code, outcome, delay, ignored);
    }

    private static <T> T ignore(List<String> ignored, String token, T keep) {
        ignored.add(token);
        return keep;
    }

    /** @return a copy without the forced code (when the operation does not document it) */
    public Prefer withoutCode() {
        List<String> more = new ArrayList<>(ignored);
        more.add("code=" + code);
        return new Prefer(null, outcome, delayMillis, more);
    }

    /** @return the {@code Preference-Applied} value, or null when nothing was honoured */
    public String applied() {
        List<String> applied = new ArrayList<>();
        if (code != null) {
            applied.add("code=" + code);
        }
        if (outcome != Lifecycle.Requested.ANY) {
            applied.add("outcome=" + outcome.name().toLowerCase(Locale.ROOT));
        }
        if (delayMillis > 0) {
            applied.add("delay=" + delayMillis);
        }
        return applied.isEmpty() ? null : String.join(", ", applied);
    }
}
