package dev.klingeffects.mock.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Reads {@link Settings} from command-line flags, each with an environment-variable twin
 * ({@code --rate-limit} and {@code KLING_MOCK_RATE_LIMIT}); a flag wins over its twin. The flags are declared
 * once, for picocli ({@code MockFlags}); this class checks their values. Defaults of the {@code realistic}
 * profile come from the spec's {@code x-modellix} block.
 */
public final class SettingsParser {

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

    /** Where an option's help starts in {@code --help}. */
    private static final int HELP_COLUMN = 35;

    private SettingsParser() {}

    /**
     * @param env environment variables, for the twins
     * @return the mock's command line, the {@code conformance} subcommand included
     */
    public static CommandLine commandLine(Map<String, String> env) {
        return EnvTwins.commandLine(new MockFlags(), env);
    }

    /** @return the help text that {@code --help} prints */
    public static String usage() {
        MockFlags flags = new MockFlags();
        return HelpText.of(commandLine(Map.of()).getCommandSpec(), HELP_COLUMN,
                option -> option.usageHelp() ? null : "env " + flags.twin(option));
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
        ParseResult parsed;
        try {
            parsed = commandLine(env).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new InvalidSettingsException(message(e));
        }
        if (parsed.subcommand() != null) {
            throw new InvalidSettingsException("unexpected argument '" + parsed.subcommand().commandSpec().name()
                    + "' (see --help)");
        }
        return settings(parsed, modellix);
    }

    /**
     * @param parsed   what picocli parsed from the mock's flags
     * @param modellix the spec's {@code info.x-modellix} block
     * @return the settings
     * @throws InvalidSettingsException on a bad value
     */
    public static Settings settings(ParseResult parsed, JsonNode modellix) {
        MockFlags flags = (MockFlags) parsed.commandSpec().userObject();
        return build(new Values(parsed.commandSpec(), flags, apiKeys(parsed, flags)), modellix);
    }

    /**
     * @param e what picocli refused
     * @return the refusal in the words users know: which flag, and what it needs
     */
    public static String message(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            return arg.startsWith("--") ? "unknown flag " + arg.split("=", 2)[0] + " (see --help)"
                    : "unexpected argument '" + arg + "' (see --help)";
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return option.longestName() + " needs a value (" + option.paramLabel() + ")";
        }
        return e.getMessage() + " (see --help)";
    }

    /** The keys given: the flags' (repeatable), else the twin's comma-separated list. */
    private static List<String> apiKeys(ParseResult parsed, MockFlags flags) {
        if (parsed.hasMatchedOption("--api-key") || flags.apiKey.isEmpty()) {
            return flags.apiKey;
        }
        List<String> keys = new ArrayList<>();
        for (String key : String.join(",", flags.apiKey).split(",")) {
            if (!key.isBlank()) {
                keys.add(key.trim());
            }
        }
        if (keys.isEmpty()) {
            // A list of blanks must not quietly mean "any key".
            throw new InvalidSettingsException(MockFlags.TWIN_PREFIX + "API_KEY lists no key (comma-separated keys expected)");
        }
        return keys;
    }

    private static Settings build(Values values, JsonNode modellix) {
        String profile = values.text("profile", "qa");
        boolean realistic = switch (profile) {
            case "qa" -> false;
            case "realistic" -> true;
            default -> throw new InvalidSettingsException("--profile must be qa or realistic, got '" + profile + "'");
        };
        long[] processing = values.range("processing-ms", realistic
                ? new long[] {modellix.path("processing-seconds").path("min").asLong() * 1000,
                        modellix.path("processing-seconds").path("max").asLong() * 1000}
                : new long[] {4000, 4000});
        Duration ttl = values.parsed("result-ttl", Duration.ofDays(modellix.path("result-ttl-days").asLong(7)),
                text -> {
                    Duration duration = Duration.parse(text);
                    if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_RESULT_TTL) > 0) {
                        throw new IllegalArgumentException("must be positive and at most " + MAX_RESULT_TTL);
                    }
                    return duration;
                });
        double failureRate = values.parsed("failure-rate", realistic ? 0.05 : 0.0, text -> {
            double rate = Double.parseDouble(text);
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("must be between 0 and 1");
            }
            return rate;
        });
        Set<String> keys = new LinkedHashSet<>();
        for (String key : values.apiKeys()) {
            if (key.isBlank()) {
                throw new InvalidSettingsException("--api-key must not be empty");
            }
            if (key.trim().length() > dev.klingeffects.mock.auth.ApiKeys.MAX_KEY_CHARS) {
                throw new InvalidSettingsException("--api-key must be at most "
                        + dev.klingeffects.mock.auth.ApiKeys.MAX_KEY_CHARS + " characters");
            }
            keys.add(key.trim());
        }
        String adminToken = values.text("admin-token", null);
        if (adminToken != null && adminToken.isBlank()) {
            throw new InvalidSettingsException("--admin-token must not be empty");
        }
        long heap = Runtime.getRuntime().maxMemory();
        long uploadMemoryMb = values.text("upload-memory", null) == null ? -1
                : values.number("upload-memory", 0, 1, 1_048_576);
        String publicUrl = values.text("public-url", null);
        if (publicUrl != null) {
            publicUrl = publicUrl.replaceAll("/+$", "");
            if (!publicUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
                throw new InvalidSettingsException("--public-url must be an http(s) URL, got '" + publicUrl + "'");
            }
        }
        return new Settings(
                values.text("host", "127.0.0.1"),
                (int) values.number("port", 8080, 0, 65535),
                publicUrl,
                keys,
                profile,
                values.number("pending-ms", realistic ? 5000 : 1000, 0, Integer.MAX_VALUE),
                processing[0],
                processing[1],
                failureRate,
                ttl,
                (int) values.number("rate-limit", realistic ? modellix.path("rate-limit-requests-per-minute").asInt() : 0,
                        0, Integer.MAX_VALUE),
                (int) values.number("concurrent-limit", realistic ? modellix.path("concurrent-tasks").asInt() : 0,
                        0, Integer.MAX_VALUE),
                (int) values.number("max-tasks", 50_000, 1, 10_000_000),
                (int) values.number("journal-size", 1000, 0, 1_000_000),
                values.number("seed", System.nanoTime(), Long.MIN_VALUE, Long.MAX_VALUE),
                values.bool("access-log", true),
                values.bool("frozen-clock", false),
                adminToken == null ? null : adminToken.trim(),
                uploadMemoryMb > 0 ? uploadMemoryMb * 1024 * 1024 : heap == Long.MAX_VALUE ? 256L * 1024 * 1024 : heap / 3,
                (int) values.number("max-uploads", 32, 1, 10_000),
                Duration.ofSeconds(values.number("body-timeout", 60, 1, 3600)),
                Duration.ofSeconds(values.number("shutdown-grace", 10, 0, 600)));
    }

    /** The raw value of each flag (from the command line, else its twin), with typed accessors that name the flag on a bad value. */
    private record Values(CommandLine.Model.CommandSpec command, MockFlags flags, List<String> apiKeys) {

        String text(String name, String fallback) {
            OptionSpec option = command.findOption(name);
            String value = option.getValue();
            return value == null ? fallback : value;
        }

        String label(String name) {
            return command.findOption(name).paramLabel();
        }

        <T> T parsed(String name, T fallback, Function<String, T> parser) {
            String text = text(name, null);
            if (text == null) {
                return fallback;
            }
            try {
                return parser.apply(text.trim());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                String reason = e instanceof NumberFormatException || e instanceof DateTimeParseException
                        ? "is not a valid " + label(name) : e.getMessage();
                throw new InvalidSettingsException("--" + name + " " + reason + ", got '" + text + "'");
            }
        }

        boolean bool(String name, boolean fallback) {
            return parsed(name, fallback, text -> switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("must be true or false");
            });
        }

        long number(String name, long fallback, long min, long max) {
            long value = parsed(name, fallback, Long::parseLong);
            if (value < min || value > max) {
                throw new InvalidSettingsException("--" + name + " must be between " + min + " and " + max
                        + ", got " + value);
            }
            return value;
        }

        long[] range(String name, long[] fallback) {
            return parsed(name, fallback, text -> {
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
