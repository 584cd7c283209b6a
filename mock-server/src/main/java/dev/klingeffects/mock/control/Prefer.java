package dev.klingeffects.mock.control;

import dev.klingeffects.mock.faults.Fault;
import dev.klingeffects.mock.faults.FaultPlan;
import dev.klingeffects.mock.logging.ClientText;
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
 * @param code         the status to answer, or null
 * @param outcome      the outcome asked for a new task
 * @param delayMillis  how long to wait before answering
 * @param ignored      the first {@link #MAX_IGNORED_KEPT} tokens that were not understood, clipped, for the log
 * @param ignoredCount how many tokens were not understood in all
 */
public record Prefer(Integer code, Lifecycle.Requested outcome, long delayMillis, FaultPlan fault,
                     List<String> ignored, int ignoredCount) {

    /** Longest delay a request may ask for. */
    public static final long MAX_DELAY_MILLIS = 60_000;
    /** Ignored tokens kept for the log: a header of thousands of tokens costs no more than a few. */
    public static final int MAX_IGNORED_KEPT = 4;

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
        Fault fault = null;
        Boolean after = null;
        Ignored ignored = new Ignored();
        if (header == null) {
            return new Prefer(null, outcome, 0, null, List.of(), 0);
        }
        int start = 0;
        while (start <= header.length()) {
            int end = start;
            while (end < header.length() && header.charAt(end) != ',' && header.charAt(end) != ';') {
                end++;
            }
            String trimmed = header.substring(start, end).strip();
            start = end + 1;
            int equals = trimmed.indexOf('=');
            String name = (equals < 0 ? trimmed : trimmed.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : trimmed.substring(equals + 1).strip().replace("\"", "");
            switch (name) {
                case "code" -> code = isStatus(value) ? Integer.valueOf(value) : ignored.add(trimmed, code);
                case "outcome" -> outcome = switch (value.toLowerCase(Locale.ROOT)) {
                    case "success" -> Lifecycle.Requested.SUCCESS;
                    case "failed" -> Lifecycle.Requested.FAILED;
                    default -> ignored.add(trimmed, outcome);
                };
                case "delay" -> delay = isDelay(value) ? Long.parseLong(value) : ignored.add(trimmed, delay);
                case "fault" -> fault = Fault.fromWire(value) != null ? Fault.fromWire(value) : ignored.add(trimmed, fault);
                case "fault-when" -> after = switch (value.toLowerCase(Locale.ROOT)) {
                    case "after" -> Boolean.TRUE;
                    case "before" -> Boolean.FALSE;
                    default -> ignored.add(trimmed, after);
                };
                case "" -> { }
                default -> ignored.add(trimmed, null);
            }
        }
        if (fault == null && after != null) {
            ignored.add("fault-when=" + (after ? "after" : "before") + " without a fault", null);
        }
        FaultPlan plan = fault == null ? null : new FaultPlan(fault, after == null || after, delay);
        return new Prefer(code, outcome, delay, plan, ignored.kept, ignored.count);
    }

    private static boolean isStatus(String value) {
        return value.length() == 3 && value.charAt(0) >= '1' && value.charAt(0) <= '5'
                && Character.isDigit(value.charAt(1)) && Character.isDigit(value.charAt(2))
                && value.chars().allMatch(c -> c < 0x80);
    }

    private static boolean isDelay(String value) {
        return !value.isEmpty() && value.length() <= 5 && value.chars().allMatch(c -> c >= '0' && c <= '9')
                && Long.parseLong(value) <= MAX_DELAY_MILLIS;
    }

    /** The tokens not understood: the first few kept, clipped, all of them counted. */
    private static final class Ignored {
        final List<String> kept = new ArrayList<>();
        int count;

        <T> T add(String token, T keep) {
            if (count++ < MAX_IGNORED_KEPT) {
                kept.add(ClientText.clip(token));
            }
            return keep;
        }
    }

    /** @return a copy without the forced code (when the operation does not document it) */
    public Prefer withoutCode() {
        List<String> more = new ArrayList<>(ignored);
        if (more.size() < MAX_IGNORED_KEPT) {
            more.add("code=" + code);
        }
        return new Prefer(null, outcome, delayMillis, fault, more, ignoredCount + 1);
    }

    /**
     * @param status        the status being answered
     * @param outcomeUsed   whether a task was created with the outcome asked for
     * @return the {@code Preference-Applied} value, or null when nothing was honoured: a code only when it is
     *         the status answered, an outcome only when a task was created with it
     */
    public String applied(int status, boolean outcomeUsed) {
        List<String> applied = new ArrayList<>();
        if (code != null && code == status) {
            applied.add("code=" + code);
        }
        if (outcome != Lifecycle.Requested.ANY && outcomeUsed) {
            applied.add("outcome=" + outcome.name().toLowerCase(Locale.ROOT));
        }
        if (delayMillis > 0) {
            applied.add("delay=" + delayMillis);
        }
        if (fault != null) {
            applied.add("fault=" + fault.fault().wire());
            applied.add("fault-when=" + (fault.after() ? "after" : "before"));
        }
        return applied.isEmpty() ? null : String.join(", ", applied);
    }
}
