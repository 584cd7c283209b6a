package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.config.SettingsParser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsParserTest {

    private static final com.fasterxml.jackson.databind.JsonNode MODELLIX = ContractSpec.load().modellix();

    private static Settings parse(Map<String, String> env, String... args) {
        return SettingsParser.parse(args, env, MODELLIX);
    }

    @Test
    void qaDefaultsFinishTasksInSecondsWithoutLimits() {
        Settings settings = parse(Map.of());

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.pendingMillis() + settings.processingMaxMillis()).isLessThanOrEqualTo(10_000);
        assertThat(settings.rateLimitPerMinute()).isZero();
        assertThat(settings.concurrentLimit()).isZero();
        assertThat(settings.resultTtl()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void realisticProfileReadsTimingAndLimitsFromTheSpec() {
        Settings settings = parse(Map.of(), "--profile", "realistic");

        assertThat(settings.processingMinMillis()).isEqualTo(30_000);
        assertThat(settings.processingMaxMillis()).isEqualTo(120_000);
        assertThat(settings.rateLimitPerMinute()).isEqualTo(100);
        assertThat(settings.concurrentLimit()).isEqualTo(3);
    }

    @Test
    void everyFlagHasAnEnvironmentTwinAndTheFlagWins() {
        Settings fromEnv = parse(Map.of("KLING_MOCK_PORT", "9090", "KLING_MOCK_API_KEY", "a-key-1, b-key-2",
                "KLING_MOCK_RATE_LIMIT", "7", "KLING_MOCK_RESULT_TTL", "PT1H"));
        Settings flagWins = parse(Map.of("KLING_MOCK_PORT", "9090"), "--port=9191");

        assertThat(fromEnv.port()).isEqualTo(9090);
        assertThat(fromEnv.apiKeys()).containsExactlyInAnyOrder("a-key-1", "b-key-2");
        assertThat(fromEnv.rateLimitPerMinute()).isEqualTo(7);
        assertThat(fromEnv.resultTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(flagWins.port()).isEqualTo(9191);
    }

    @Test
    void helpListsEveryFlagWithItsTwin() {
        String usage = SettingsParser.usage();

        assertThat(usage).contains("--port", "KLING_MOCK_PORT", "--api-key", "KLING_MOCK_API_KEY", "--profile",
                "--public-url", "--rate-limit", "--concurrent-limit", "--result-ttl", "--max-tasks", "--journal-size",
                "--pending-ms", "--processing-ms", "--failure-rate", "--seed", "--access-log", "--host",
                "--admin-token", "KLING_MOCK_ADMIN_TOKEN", "--upload-memory", "--max-uploads", "--body-timeout",
                "--shutdown-grace");
    }

    @Test
    void helpStatesTheFixedBoundsAndThatStateIsInMemory() {
        assertThat(SettingsParser.usage()).contains("200 request threads", "64 KiB", "16 KiB/s", "at most 1000",
                "State is in memory only");
    }

    @Test
    void helpStatesTheBoundsOfWhatAClientCanMakeTheMockHoldOrLog() {
        assertThat(SettingsParser.usage()).contains(
                "API keys at most " + dev.klingeffects.mock.auth.ApiKeys.MAX_KEY_CHARS + " characters (401)",
                "at most " + dev.klingeffects.mock.limits.RateLimiter.MAX_TRACKED_KEYS + " keys apart per minute",
                "at most " + dev.klingeffects.mock.validation.SubmitValidator.MAX_TOKENS + " JSON tokens (400)",
                "clipped to " + dev.klingeffects.mock.logging.ClientText.MAX_CHARS + " characters",
                "at most 200 access lines, 10 ignored-Prefer warnings and 5 internal faults a second",
                "never passes year 9899", "about 0.5 KiB", "at most 3 KiB", "order=oldest|newest");
    }

    @Test
    void helpStatesTheJournalsAndTheFaultQueuesBounds() {
        String usage = SettingsParser.usage().replaceAll("\\s+", " ");

        assertThat(usage).contains(
                "journal keeps per request " + dev.klingeffects.mock.admin.RequestJournal.MAX_PATH_CHARS + " characters of path",
                dev.klingeffects.mock.admin.RequestJournal.MAX_HEADERS + " headers of "
                        + dev.klingeffects.mock.logging.ClientText.MAX_CHARS + " characters",
                dev.klingeffects.mock.admin.BodySummary.MAX_CHARS + " characters of body, strings over "
                        + dev.klingeffects.mock.admin.BodySummary.MAX_STRING_CHARS + " characters as their length and CRC32C",
                "at most " + dev.klingeffects.mock.faults.PlannedFaults.CAPACITY + " entries of at most "
                        + dev.klingeffects.mock.faults.PlannedFaults.MAX_COUNT + " requests each",
                "at most " + dev.klingeffects.mock.control.Prefer.MAX_DELAY_MILLIS / 1000 + " s");
    }

    @Test
    void printedSettingsMaskTheKeys() {
        Settings settings = parse(Map.of(), "--api-key", "sk-live-1234567890");

        assertThat(String.join("\n", settings.describe())).contains("sk****90").doesNotContain("sk-live-1234567890");
    }

    @Test
    void rejectsAnUnknownFlag() {
        assertThatThrownBy(() -> parse(Map.of(), "--prot", "1"))
                .hasMessage("unknown flag --prot (see --help)");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> parse(Map.of(), "--port", "70000"))
                .hasMessage("--port must be between 0 and 65535, got 70000");
    }

    @Test
    void rejectsAnUnparsableNumber() {
        assertThatThrownBy(() -> parse(Map.of(), "--rate-limit", "many"))
                .hasMessage("--rate-limit is not a valid N, got 'many'");
    }

    @Test
    void rejectsAnUnknownProfile() {
        assertThatThrownBy(() -> parse(Map.of(), "--profile", "fast"))
                .hasMessage("--profile must be qa or realistic, got 'fast'");
    }

    @Test
    void acceptsAProcessingRange() {
        Settings settings = parse(Map.of(), "--processing-ms", "100-200");

        assertThat(settings.processingMinMillis()).isEqualTo(100);
        assertThat(settings.processingMaxMillis()).isEqualTo(200);
    }

    @Test
    void takesNoFlagAsTheValueOfTheFlagBeforeIt() {
        assertThatThrownBy(() -> parse(Map.of(), "--api-key", "--port", "0"))
                .hasMessage("--api-key needs a value (KEY)");
    }

    @Test
    void refusesAnEnvironmentKeyListOfBlanksInsteadOfAcceptingAnyKey() {
        assertThatThrownBy(() -> parse(Map.of("KLING_MOCK_API_KEY", " , ,")))
                .hasMessage("KLING_MOCK_API_KEY lists no key (comma-separated keys expected)");
    }

    @Test
    void refusesAResultTtlTheClockCannotCount() {
        assertThatThrownBy(() -> parse(Map.of(), "--result-ttl", "PT99999999999H"))
                .hasMessage("--result-ttl must be positive and at most PT876000H, got 'PT99999999999H'");
    }

    @Test
    void readsTheHardeningFlagsWithTheirDefaults() {
        Settings defaults = parse(Map.of());
        Settings given = parse(Map.of("KLING_MOCK_ADMIN_TOKEN", "tok"), "--upload-memory", "64", "--max-uploads", "4",
                "--body-timeout", "5", "--shutdown-grace", "2");

        assertThat(defaults.adminToken()).isNull();
        assertThat(defaults.maxUploads()).isEqualTo(32);
        assertThat(defaults.bodyTimeout()).hasSeconds(60);
        assertThat(defaults.uploadMemoryBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 3);
        assertThat(given.adminToken()).isEqualTo("tok");
        assertThat(given.uploadMemoryBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(given.maxUploads()).isEqualTo(4);
        assertThat(given.bodyTimeout()).hasSeconds(5);
        assertThat(given.shutdownGrace()).hasSeconds(2);
        assertThat(given.describe()).contains("admin api          Bearer token required");
    }

    @Test
    void theCommandLineRoutesConformanceToItsSubcommandWithItsOwnTwin() {
        picocli.CommandLine.ParseResult parsed = SettingsParser.commandLine(Map.of("MODELLIX_API_KEY", "probe-key",
                "KLING_MOCK_API_KEY", "mock-key")).parseArgs("conformance", "--target", "https://api.example");

        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("conformance");
        assertThat(parsed.subcommand().commandSpec().findOption("--api-key").<String>getValue()).isEqualTo("probe-key");
    }

    @Test
    void theSettingsAloneRefuseTheSubcommandAsAnArgument() {
        assertThatThrownBy(() -> parse(Map.of(), "conformance"))
                .hasMessage("unexpected argument 'conformance' (see --help)");
    }

    @Test
    void takesAFlagNameAndItsValueAsTheExtensionPassesThem() {
        Settings settings = parse(Map.of(), "--concurrent-limit", "3", "--frozen-clock", "true", "--api-key", "k-1");

        assertThat(settings.concurrentLimit()).isEqualTo(3);
        assertThat(settings.frozenClock()).isTrue();
        assertThat(settings.apiKeys()).containsExactly("k-1");
    }
}
