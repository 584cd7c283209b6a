package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.config.SettingsParser;
import dev.klingeffects.mock.conformance.ConformanceCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What users and scripts rely on from the command line, written down before the parser moved to picocli:
 * the help texts (golden files in {@code src/test/resources/cli}: a change to them is a deliberate diff),
 * the message of each bad value, and that every environment twin fills in what no flag gives.
 */
class CommandLineAsUsersKnowItTest {

    private static final JsonNode MODELLIX = ContractSpec.load().modellix();

    private static String golden(String name) throws IOException {
        try (InputStream in = CommandLineAsUsersKnowItTest.class.getResourceAsStream("/cli/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Settings parse(Map<String, String> env, String... args) {
        return SettingsParser.parse(args, env, MODELLIX);
    }

    @Test
    void helpPrintsTheTextUsersKnow() throws IOException {
        assertThat(SettingsParser.usage()).isEqualTo(golden("mock-help.txt"));
    }

    @Test
    void conformanceHelpPrintsTheTextUsersKnow() throws IOException {
        assertThat(ConformanceCommand.usage()).isEqualTo(golden("conformance-help.txt"));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(new String[] {"--prot", "1"}, "unknown flag --prot (see --help)"),
                Arguments.of(new String[] {"positional"}, "unexpected argument 'positional' (see --help)"),
                Arguments.of(new String[] {"-p", "1"}, "unexpected argument '-p' (see --help)"),
                Arguments.of(new String[] {"--port"}, "--port needs a value (N)"),
                Arguments.of(new String[] {"--host"}, "--host needs a value (ADDRESS)"),
                Arguments.of(new String[] {"--api-key", "--port", "0"}, "--api-key needs a value (KEY)"),
                Arguments.of(new String[] {"--port", "70000"}, "--port must be between 0 and 65535, got 70000"),
                Arguments.of(new String[] {"--port="}, "--port is not a valid N, got ''"),
                Arguments.of(new String[] {"--rate-limit", "many"}, "--rate-limit is not a valid N, got 'many'"),
                Arguments.of(new String[] {"--seed", "x"}, "--seed is not a valid N, got 'x'"),
                Arguments.of(new String[] {"--profile", "fast"}, "--profile must be qa or realistic, got 'fast'"),
                Arguments.of(new String[] {"--result-ttl", "abc"}, "--result-ttl is not a valid ISO-8601, got 'abc'"),
                Arguments.of(new String[] {"--result-ttl", "PT99999999999H"},
                        "--result-ttl must be positive and at most PT876000H, got 'PT99999999999H'"),
                Arguments.of(new String[] {"--failure-rate", "2"}, "--failure-rate must be between 0 and 1, got '2'"),
                Arguments.of(new String[] {"--failure-rate", "x"}, "--failure-rate is not a valid 0..1, got 'x'"),
                Arguments.of(new String[] {"--processing-ms", "5-1"}, "--processing-ms must be MS or MIN-MAX with "
                        + "0 <= MIN <= MAX <= 31536000000 (a year), got '5-1'"),
                Arguments.of(new String[] {"--access-log", "yes"}, "--access-log must be true or false, got 'yes'"),
                Arguments.of(new String[] {"--frozen-clock", "maybe"}, "--frozen-clock must be true or false, got 'maybe'"),
                Arguments.of(new String[] {"--public-url", "ftp://x"}, "--public-url must be an http(s) URL, got 'ftp://x'"),
                Arguments.of(new String[] {"--api-key", ""}, "--api-key must not be empty"),
                Arguments.of(new String[] {"--admin-token", " "}, "--admin-token must not be empty"),
                Arguments.of(new String[] {"--upload-memory", "0"}, "--upload-memory must be between 1 and 1048576, got 0"),
                Arguments.of(new String[] {"--max-tasks", "0"}, "--max-tasks must be between 1 and 10000000, got 0"),
                Arguments.of(new String[] {"--journal-size", "-1"}, "--journal-size must be between 0 and 1000000, got -1"),
                Arguments.of(new String[] {"--max-uploads", "0"}, "--max-uploads must be between 1 and 10000, got 0"),
                Arguments.of(new String[] {"--body-timeout", "0"}, "--body-timeout must be between 1 and 3600, got 0"),
                Arguments.of(new String[] {"--shutdown-grace", "601"}, "--shutdown-grace must be between 0 and 600, got 601"),
                Arguments.of(new String[] {"--pending-ms", "-1"}, "--pending-ms must be between 0 and 2147483647, got -1"),
                Arguments.of(new String[] {"--concurrent-limit", "-2"},
                        "--concurrent-limit must be between 0 and 2147483647, got -2"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void refusesABadValueWithTheMessageUsersKnow(String[] args, String message) {
        assertThatThrownBy(() -> parse(Map.of(), args))
                .isInstanceOf(SettingsParser.InvalidSettingsException.class).hasMessage(message);
    }

    @Test
    void aBadValueFromAnEnvironmentTwinNamesTheFlag() {
        assertThatThrownBy(() -> parse(Map.of("KLING_MOCK_PORT", "abc")))
                .hasMessage("--port is not a valid N, got 'abc'");
        assertThatThrownBy(() -> parse(Map.of("KLING_MOCK_API_KEY", " , ")))
                .hasMessage("KLING_MOCK_API_KEY lists no key (comma-separated keys expected)");
    }

    /** Each flag: the value its twin gives, the value the flag gives, and how to read it back. */
    static Stream<Arguments> twins() {
        return Stream.of(
                twin("host", "0.0.0.0", "::1", Settings::host),
                twin("port", "9090", "9191", Settings::port),
                twin("public-url", "http://env.example", "http://flag.example", Settings::publicUrl),
                twin("profile", "realistic", "qa", Settings::profile),
                twin("pending-ms", "11", "12", Settings::pendingMillis),
                twin("processing-ms", "21", "22", Settings::processingMaxMillis),
                twin("failure-rate", "0.25", "0.5", Settings::failureRate),
                twin("result-ttl", "PT1H", "PT2H", Settings::resultTtl),
                twin("rate-limit", "7", "8", Settings::rateLimitPerMinute),
                twin("concurrent-limit", "2", "3", Settings::concurrentLimit),
                twin("max-tasks", "100", "200", Settings::maxTasks),
                twin("journal-size", "10", "20", Settings::journalSize),
                twin("admin-token", "env-token", "flag-token", Settings::adminToken),
                twin("upload-memory", "64", "128", Settings::uploadMemoryBytes),
                twin("max-uploads", "4", "5", Settings::maxUploads),
                twin("body-timeout", "5", "6", Settings::bodyTimeout),
                twin("shutdown-grace", "2", "3", Settings::shutdownGrace),
                twin("seed", "42", "43", Settings::seed),
                twin("access-log", "false", "true", Settings::accessLog),
                twin("frozen-clock", "true", "false", Settings::frozenClock),
                twin("api-key", "env-key-1", "flag-key-1", Settings::apiKeys));
    }

    private static Arguments twin(String flag, String fromEnv, String fromFlag, Function<Settings, Object> read) {
        return Arguments.of(flag, fromEnv, fromFlag, read);
    }

    @ParameterizedTest
    @MethodSource("twins")
    void everyEnvironmentTwinFillsWhatNoFlagGivesAndTheFlagWins(String flag, String fromEnv, String fromFlag,
                                                                Function<Settings, Object> read) {
        String env = "KLING_MOCK_" + flag.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        Object byDefault = read.apply(parse(Map.of()));
        Object byEnv = read.apply(parse(Map.of(env, fromEnv)));
        Object byFlag = read.apply(parse(Map.of(env, fromEnv), "--" + flag, fromFlag));
        Object byFlagAlone = read.apply(parse(Map.of(), "--" + flag + "=" + fromFlag));

        assertThat(byEnv).as("the twin " + env + " is read").isNotEqualTo(byDefault);
        assertThat(byFlag).as("--" + flag + " wins over " + env).isEqualTo(byFlagAlone).isNotEqualTo(byEnv);
    }

    @Test
    void theLastOfARepeatedFlagWinsAndApiKeysAddUp() {
        Settings settings = parse(Map.of("KLING_MOCK_API_KEY", "env-key"), "--port", "1", "--port", "2",
                "--api-key", "a-key", "--api-key", "b-key");

        assertThat(settings.port()).isEqualTo(2);
        assertThat(settings.apiKeys()).containsExactlyInAnyOrder("a-key", "b-key");
    }

    @Test
    void aFlagAloneGivesItsValueWhateverTheDefaults() {
        Settings settings = parse(Map.of(), "--profile", "realistic", "--rate-limit", "0", "--processing-ms", "100-200",
                "--result-ttl", "PT30M");

        assertThat(settings.rateLimitPerMinute()).isZero();
        assertThat(settings.concurrentLimit()).isEqualTo(3);
        assertThat(settings.processingMinMillis()).isEqualTo(100);
        assertThat(settings.resultTtl()).isEqualTo(Duration.ofMinutes(30));
    }

    static Stream<Arguments> badConformanceOptions() {
        return Stream.of(
                Arguments.of(new String[] {}, "conformance: --target must be an http(s) URL"),
                Arguments.of(new String[] {"--target", "x"}, "conformance: --target must be an http(s) URL"),
                Arguments.of(new String[] {"--target"}, "conformance: --target needs a value"),
                Arguments.of(new String[] {"--target", "http://x", "--effects", "--api-key"},
                        "conformance: --api-key needs a value"),
                Arguments.of(new String[] {"--target", "http://x", "--api-key", "k", "--allow-billable", "many"},
                        "conformance: --allow-billable needs a number, got 'many'"),
                Arguments.of(new String[] {"--target", "http://x", "--api-key", "k", "--bogus", "1"},
                        "conformance: unknown option --bogus"),
                Arguments.of(new String[] {"--target", "http://x", "--api-key", "k", "--allow-billable", "101"},
                        "conformance: --allow-billable takes 0 to 100, --pace-ms 0 or more, --billable-timeout 1 or more"),
                Arguments.of(new String[] {"--target", "http://x", "--api-key", "k", "--billable-timeout", "0"},
                        "conformance: --allow-billable takes 0 to 100, --pace-ms 0 or more, --billable-timeout 1 or more"),
                Arguments.of(new String[] {"--target", "http://x"}, "conformance: --api-key (or MODELLIX_API_KEY) is needed"),
                Arguments.of(new String[] {"--target", "http://x", "--api-key", "k", "--allow-billable", "1"},
                        "conformance: --allow-billable needs --image-url with an http(s) image upstream can fetch"));
    }

    @ParameterizedTest
    @MethodSource("badConformanceOptions")
    void conformanceRefusesBadOptionsWithTheMessageUsersKnowAndExitStatus2(String[] args, String message)
            throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = ConformanceCommand.run(args, Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(message + "\n" + golden("conformance-help.txt"));
    }

    @Test
    void conformanceTakesTheKeyFromModellixApiKeyWhenNoFlagGivesIt() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = ConformanceCommand.run(new String[] {"--target", "http://x", "--allow-billable", "1"},
                Map.of("MODELLIX_API_KEY", "from-env"), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("conformance: --allow-billable needs --image-url");
    }
}
