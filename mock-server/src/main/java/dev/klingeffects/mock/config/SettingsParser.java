package dev.klingeffects.mock.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@link Settings} from command-line flags, each with an environment-variable twin
 * ({@code --rate-limit} and {@code KLING_MOCK_RATE_LIMIT}); a flag wins over its twin. Defaults of the
 * {@code realistic} profile come from the spec's {@code x-modellix} block.
 */
public final class SettingsParser {

    /** A flag the mock understands. */
    enum Flag {
        HOST("host", "ADDRESS", "interface to listen on (default 127.0.0.1)"),
        PORT("port", "N", "port to listen on, 0 picks a free one (default 8080)"),
        PUBLIC_URL("public-url", "URL", "base URL for links in responses (default: the request's own host)"),
        API_KEY("api-key", "KEY", "accept only this key; repeatable; env: comma-separated (default: any non-empty key of at most 1024 characters)"),
        PROFILE("profile", "qa|realistic", "qa: tasks finish in seconds, no limits; realistic: upstream timing and limits (default qa)"),
        PENDING_MS("pending-ms", "MS", "time a task stays pending (qa 1000, realistic 5000)"),
        PROCESSING_MS("processing-ms", "MS|MIN-MAX", "time a task stays processing, at most a year (qa 4000, realistic from the spec: 30000-120000)"),
        FAILURE_RATE("failure-rate", "0..1", "share of tasks that fail on their own (qa 0, realistic 0.05)"),
        RESULT_TTL("result-ttl", "ISO-8601", "how long results stay downloadable, e.g. PT1H (default from the spec: P7D)"),
        RATE_LIMIT("rate-limit", "N", "requests per minute per key, 0 = off (qa 0, realistic from the spec: 100)"),
        CONCURRENT_LIMIT("concurrent-limit", "N", "unfinished tasks per key, 0 = off (qa 0, realistic from the spec: 3)"),
        MAX_TASKS("max-tasks", "N", "most tasks kept (in memory only: a restart forgets them); past it the oldest finished task goes, an unfinished one only when none has finished; a submitted task holds about 0.5 KiB, one planted through /__admin at most 3 KiB (default 50000: 25 MB, 150 MB if all planted with the longest texts)"),
        JOURNAL_SIZE("journal-size", "N", "most requests kept in the admin journal (default 1000)"),
        ADMIN_TOKEN("admin-token", "TOKEN", "require 'Authorization: Bearer TOKEN' on /__admin (default: none; set it when others can reach the port)"),
        UPLOAD_MEMORY("upload-memory", "MB", "memory all request bodies in flight may hold together; more wait up to 10 s (at most half the body timeout), then 503 (default: a third of the heap; never less than one maximal body needs)"),
        MAX_UPLOADS("max-uploads", "N", "bodies over 64 KiB received at once, and as many smaller ones still arriving; more get 503 at once (default 32)"),
        BODY_TIMEOUT("body-timeout", "SECONDS", "a whole request body must arrive within this, else 408 (default 60)"),
        SHUTDOWN_GRACE("shutdown-grace", "SECONDS", "on SIGTERM, stop accepting and let requests in flight finish for up to this (default 10)"),
        SEED("seed", "N", "seed for random timings and failures (default: random)"),
        ACCESS_LOG("access-log", "true|false", "one log line per request (default true)"),
        FROZEN_CLOCK("frozen-clock", "true|false", "time moves only via /__admin/clock/advance (default false)"),
        HELP("help", "", "print this help and exit");

        final String name;
        final String value;
        final String help;

        Flag(String name, String value, String help) {
            this.name = name;
            this.value = value;
            this.help = help;
        }

        String env() {
            return "KLING_MOCK_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }
    }

    /** A flag or value the parser could not use; the message says which and why. */
    public static final class InvalidSettingsException extends RuntimeException {
        InvalidSettingsException(String message) {
            super(message);
        }
    }

    /** Far beyond any real task, and what the mock clock's latest time leaves room for. */
    static final long MAX_PROCESSING_MILLIS = 365L * 24 * 3600 * 1000;

    /** Far beyond any real expiry, and far from overflowing the millisecond arithmetic of the clock. */
    static final Duration MAX_RESULT_TTL = Duration.ofDays(36_500);

    private SettingsParser() {}

    /** @return the help text that {@code --help} prints */
    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: java -jar kling-effects-mock-server.jar [flags]
                       java -jar kling-effects-mock-server.jar conformance --target URL --api-key KEY [options]

                Commands:
                  conformance   compare a real API (e.g. https://api.modellix.ai) with this mock, request by request;
                                'conformance --help' lists its options and exit statuses

                """);
        text.append("Every flag has an environment twin, shown after it; a flag wins over its twin.\n\n");
        for (Flag flag : Flag.values()) {
            String left = "  --" + flag.name + (flag.value.isEmpty() ? "" : " " + flag.value);
            text.append(String.format("%-34s %s%n", left, flag.help));
            if (flag != Flag.HELP) {
                text.append(String.format("%-34s env %s%n", "", flag.env()));
            }
        }
        text.append("""

                Fixed bounds: 200 request threads; request line and headers 64 KiB (414, 431); a submit body
                as the spec allows (413), an admin body 64 KiB; bodies at 16 KiB/s or faster after their first
                second (408); refused bodies drained at most 32 MiB or 2 s, then the connection closes (at once
                when the client waits for 100 Continue); idle connections close after 15 s, and at once on stop
                while requests in flight get the grace; admin listings 100 per page, at most 1000 (limit,
                cursor, order=oldest|newest).
                API keys at most 1024 characters (401), each kept as a 16-byte fingerprint and an 8-character
                hint, never whole; the rate limit counts at most 10000 keys apart per minute (about 1.5 MB),
                keys beyond them in a minute share one window. A submit body at most 10000 JSON tokens (400);
                fields the contract does not read are skipped, never built; arrays keep 64 items, the rest
                counted. Admin texts as the spec bounds them (task_id 128, effect_scene 64, error_message 1024
                characters). The clock never passes year 9899; the journal keeps 512 characters of a path.
                The log: client text clipped to 120 characters with control and non-ASCII characters escaped;
                at most 200 access lines, 10 ignored-Prefer warnings and 5 internal faults a second, the rest
                counted and reported with the next line. State is in memory only: a restart forgets every task.
                """);
        return text.toString();
    }

    /** @return whether the arguments ask for help */
    public static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /**
     * @param args     command-line arguments
     * @param env      environment variables
     * @param modellix the spec's {@code info.x-modellix} block
     * @return the settings
     * @throws InvalidSettingsException on an unknown flag or a bad value
     */
    public static Settings parse(String[] args, Map<String, String> env, JsonNode modellix) {
        Map<Flag, List<String>> given = new LinkedHashMap<>();
        for (Flag flag : Flag.values()) {
            String value = env.get(flag.env());
            if (value != null && flag != Flag.HELP) {
                List<String> values = flag == Flag.API_KEY ? splitKeys(value) : List.of(value);
                if (flag == Flag.API_KEY && values.isEmpty()) {
                    // A list of blanks must not quietly mean "any key".
                    throw new InvalidSettingsException(flag.env() + " lists no key (comma-separated keys expected)");
                }
                given.put(flag, values);
            }
        }
        Map<Flag, List<String>> fromArgs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new InvalidSettingsException("unexpected argument '" + arg + "' (see --help)");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            Flag flag = byName(name);
            if (value == null) {
                // "--api-key --port 0" is a missing key, not a key named "--port".
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new InvalidSettingsException("--" + name + " needs a value (" + flag.value + ")");
                }
                value = args[++i];
            }
            fromArgs.computeIfAbsent(flag, f -> new ArrayList<>()).add(value);
        }
        given.putAll(fromArgs);
        return build(new Values(given), modellix);
    }

    private static Settings build(Values values, JsonNode modellix) {
        String profile = values.text(Flag.PROFILE, "qa");
        boolean realistic = switch (profile) {
            case "qa" -> false;
            case "realistic" -> true;
            default -> throw new InvalidSettingsException("--profile must be qa or realistic, got '" + profile + "'");
        };
        long[] processing = values.range(Flag.PROCESSING_MS, realistic
                ? new long[] {modellix.path("processing-seconds").path("min").asLong() * 1000,
                        modellix.path("processing-seconds").path("max").asLong() * 1000}
                : new long[] {4000, 4000});
        Duration ttl = values.parsed(Flag.RESULT_TTL, Duration.ofDays(modellix.path("result-ttl-days").asLong(7)),
                text -> {
                    Duration duration = Duration.parse(text);
                    if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_RESULT_TTL) > 0) {
                        throw new IllegalArgumentException("must be positive and at most " + MAX_RESULT_TTL);
                    }
                    return duration;
                });
        double failureRate = values.parsed(Flag.FAILURE_RATE, realistic ? 0.05 : 0.0, text -> {
            double rate = Double.parseDouble(text);
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("must be between 0 and 1");
            }
            return rate;
        });
        Set<String> keys = new LinkedHashSet<>();
        for (String key : values.all(Flag.API_KEY)) {
            if (key.isBlank()) {
                throw new InvalidSettingsException("--api-key must not be empty");
            }
            if (key.trim().length() > dev.klingeffects.mock.auth.ApiKeys.MAX_KEY_CHARS) {
                throw new InvalidSettingsException("--api-key must be at most "
                        + dev.klingeffects.mock.auth.ApiKeys.MAX_KEY_CHARS + " characters");
            }
            keys.add(key.trim());
        }
        String adminToken = values.text(Flag.ADMIN_TOKEN, null);
        if (adminToken != null && adminToken.isBlank()) {
            throw new InvalidSettingsException("--admin-token must not be empty");
        }
        long heap = Runtime.getRuntime().maxMemory();
        long uploadMemoryMb = values.text(Flag.UPLOAD_MEMORY, null) == null ? -1
                : values.number(Flag.UPLOAD_MEMORY, 0, 1, 1_048_576);
        String publicUrl = values.text(Flag.PUBLIC_URL, null);
        if (publicUrl != null) {
            publicUrl = publicUrl.replaceAll("/+$", "");
            if (!publicUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
                throw new InvalidSettingsException("--public-url must be an http(s) URL, got '" + publicUrl + "'");
            }
        }
        return new Settings(
                values.text(Flag.HOST, "127.0.0.1"),
                (int) values.number(Flag.PORT, 8080, 0, 65535),
                publicUrl,
                keys,
                profile,
                values.number(Flag.PENDING_MS, realistic ? 5000 : 1000, 0, Integer.MAX_VALUE),
                processing[0],
                processing[1],
                failureRate,
                ttl,
                (int) values.number(Flag.RATE_LIMIT, realistic ? modellix.path("rate-limit-requests-per-minute").asInt() : 0,
                        0, Integer.MAX_VALUE),
                (int) values.number(Flag.CONCURRENT_LIMIT, realistic ? modellix.path("concurrent-tasks").asInt() : 0,
                        0, Integer.MAX_VALUE),
                (int) values.number(Flag.MAX_TASKS, 50_000, 1, 10_000_000),
                (int) values.number(Flag.JOURNAL_SIZE, 1000, 0, 1_000_000),
                values.number(Flag.SEED, System.nanoTime(), Long.MIN_VALUE, Long.MAX_VALUE),
                values.bool(Flag.ACCESS_LOG, true),
                values.bool(Flag.FROZEN_CLOCK, false),
                adminToken == null ? null : adminToken.trim(),
                uploadMemoryMb > 0 ? uploadMemoryMb * 1024 * 1024 : heap == Long.MAX_VALUE ? 256L * 1024 * 1024 : heap / 3,
                (int) values.number(Flag.MAX_UPLOADS, 32, 1, 10_000),
                Duration.ofSeconds(values.number(Flag.BODY_TIMEOUT, 60, 1, 3600)),
                Duration.ofSeconds(values.number(Flag.SHUTDOWN_GRACE, 10, 0, 600)));
    }

    private static Flag byName(String name) {
        for (Flag flag : Flag.values()) {
            if (flag.name.equals(name)) {
                return flag;
            }
        }
        throw new InvalidSettingsException("unknown flag --" + name + " (see --help)");
    }

    private static List<String> splitKeys(String value) {
        List<String> keys = new ArrayList<>();
        for (String key : value.split(",")) {
            if (!key.isBlank()) {
                keys.add(key.trim());
            }
        }
        return keys;
    }

    /** The raw values given for each flag, with typed accessors that name the flag on a bad value. */
    private record Values(Map<Flag, List<String>> given) {

        List<String> all(Flag flag) {
            return given.getOrDefault(flag, List.of());
        }

        String text(Flag flag, String fallback) {
            List<String> list = all(flag);
            return list.isEmpty() ? fallback : list.get(list.size() - 1);
        }

        <T> T parsed(Flag flag, T fallback, Function<String, T> parser) {
            String text = text(flag, null);
            if (text == null) {
                return fallback;
            }
            try {
                return parser.apply(text.trim());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                String reason = e instanceof NumberFormatException || e instanceof DateTimeParseException
                        ? "is not a valid " + flag.value : e.getMessage();
                throw new InvalidSettingsException("--" + flag.name + " " + reason + ", got '" + text + "'");
            }
        }

        boolean bool(Flag flag, boolean fallback) {
            return parsed(flag, fallback, text -> switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("must be true or false");
            });
        }

        long number(Flag flag, long fallback, long min, long max) {
            long value = parsed(flag, fallback, Long::parseLong);
            if (value < min || value > max) {
                throw new InvalidSettingsException("--" + flag.name + " must be between " + min + " and " + max
                        + ", got " + value);
            }
            return value;
        }

        long[] range(Flag flag, long[] fallback) {
            return parsed(flag, fallback, text -> {
                String[] parts = text.split("-", 2);
                long low = Long.parseLong(parts[0].trim());
                long high = parts.length == 2 ? Long.parseLong(parts[1].trim()) : low;
                if (low < 0 || high < low || high > MAX_PROCESSING_MILLIS) {
                    throw new IllegalArgumentException("must be MS or MIN-MAX with 0 <= MIN <= MAX <= "
                            + MAX_PROCESSING_MILLIS + " (a year)");
                }
                return new long[] {low, high};
            });
        }
    }
}
