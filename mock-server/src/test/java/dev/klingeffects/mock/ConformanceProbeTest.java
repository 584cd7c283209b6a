package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.Effect;
import dev.klingeffects.contract.EffectCatalog;
import dev.klingeffects.mock.config.SettingsParser;
import dev.klingeffects.mock.conformance.ConformanceCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance probe, proven without the internet: its target is a second mock, unmodified (no
 * difference) or started on a modified copy of the spec and catalog (each difference named).
 */
class ConformanceProbeTest {

    private static final String KEY = "probe-secret-key-42";

    @TempDir
    Path reports;

    private record Outcome(int exit, String printed, String markdown, String junit) {}

    private Outcome probe(MockServer target, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--target", target.baseUrl(), "--api-key", KEY, "--pace-ms", "0",
                "--report-dir", reports.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = ConformanceCommand.run(args.toArray(String[]::new), Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String markdown = Files.exists(reports.resolve("conformance-report.md")) ? Files.readString(reports.resolve("conformance-report.md")) : "";
        String junit = Files.exists(reports.resolve("conformance-report.xml")) ? Files.readString(reports.resolve("conformance-report.xml")) : "";
        return new Outcome(exit, printed.toString(StandardCharsets.UTF_8), markdown, junit);
    }

    private static MockServer target(ContractSpec spec, EffectCatalog catalog, String... flags) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--access-log", "false", "--api-key", KEY,
                "--shutdown-grace", "1"));
        args.addAll(List.of(flags));
        return MockServer.create(SettingsParser.parse(args.toArray(String[]::new), Map.of(), spec.modellix()), spec, catalog).start();
    }

    private static ContractSpec modifiedSpec(String from, String to) {
        String text = new String(ContractSpec.load().text(), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return ContractSpec.fromText(text.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    private static EffectCatalog catalogWithout(String name) {
        ContractSpec spec = ContractSpec.load();
        String tsv = EffectCatalog.load(spec).all().stream().filter(effect -> !effect.name().equals(name))
                .map(ConformanceProbeTest::line).collect(Collectors.joining("\n", "effect_scene\tpersons\tdurations\n", "\n"));
        return EffectCatalog.parse(tsv);
    }

    private static String line(Effect effect) {
        return effect.name() + "\t" + effect.persons() + "\t"
                + effect.durations().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Test
    void reportsNoDifferenceAgainstAnUnmodifiedMockAndNeverWritesTheKey() throws Exception {
        ContractSpec spec = ContractSpec.load();
        MockServer target = target(spec, EffectCatalog.load(spec));
        try {
            Outcome outcome = probe(target, "--effects");

            assertThat(outcome.exit()).as(outcome.markdown()).isZero();
            assertThat(outcome.markdown()).contains("differing: 0").doesNotContain("### ").doesNotContain("Catalog drift");
            assertThat(outcome.junit()).contains("failures=\"0\"").contains("name=\"effect bullet_time\"");
            assertThat(outcome.markdown() + outcome.junit() + outcome.printed()).doesNotContain(KEY);
        } finally {
            target.stop();
        }
    }

    @Test
    void namesAChangedMessageAndAnEffectUpstreamNoLongerKnows() throws Exception {
        MockServer target = target(modifiedSpec("min-width: 300", "min-width: 400"), catalogWithout("bullet_time"));
        try {
            Outcome outcome = probe(target, "--effects");

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.markdown())
                    .contains("### Base64 image below the minimum resolution")
                    .contains("must be at least 400x300 px, got 100x100 px")
                    .contains("the target no longer knows effect `bullet_time`");
            assertThat(outcome.junit()).contains("<failure message=\"message: target");
        } finally {
            target.stop();
        }
    }

    @Test
    void namesANewRequiredField() throws Exception {
        MockServer target = target(modifiedSpec("      required:\n        - effect_scene\n      # \"Not both\"",
                "      required:\n        - effect_scene\n        - prompt\n      # \"Not both\""),
                EffectCatalog.load(ContractSpec.load()));
        try {
            Outcome outcome = probe(target);

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.markdown()).contains("parameter 'prompt' is required");
        } finally {
            target.stop();
        }
    }

    @Test
    void stopsAtTheFirst429AndSaysWhenToComeBack() throws Exception {
        ContractSpec spec = ContractSpec.load();
        MockServer target = target(spec, EffectCatalog.load(spec), "--rate-limit", "3");
        try {
            Outcome outcome = probe(target);

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.markdown()).contains("stopped early:").contains("answered 429").contains("Retry-After");
        } finally {
            target.stop();
        }
    }

    @Test
    void followsABillableTaskOnlyWhenAllowedAndChecksItsResultAgainstTheSpec() throws Exception {
        ContractSpec spec = ContractSpec.load();
        MockServer target = target(spec, EffectCatalog.load(spec), "--pending-ms", "0", "--processing-ms", "0");
        try {
            Outcome free = probe(target);
            Outcome billable = probe(target, "--allow-billable", "1", "--image-url", "https://example.com/me.jpg");

            assertThat(free.markdown()).doesNotContain("billable submit");
            assertThat(billable.exit()).as(billable.markdown()).isZero();
            assertThat(billable.printed()).contains("ended success");
        } finally {
            target.stop();
        }
    }

    @Test
    void anUnreachableTargetIsNotRunWithExitStatus3InsteadOfDifferences() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<String> args = List.of("--target", "http://127.0.0.1:" + closedPort, "--api-key", KEY, "--pace-ms", "0",
                "--report-dir", reports.toString(), "--effects");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = ConformanceCommand.run(args.toArray(String[]::new), Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String markdown = Files.readString(reports.resolve("conformance-report.md"));
        assertThat(exit).isEqualTo(ConformanceCommand.NOT_RUN).isEqualTo(3);
        assertThat(markdown).contains("**not run:** cannot reach http://127.0.0.1:" + closedPort).doesNotContain("### ");
        assertThat(Files.readString(reports.resolve("conformance-report.xml")))
                .contains("errors=\"1\"", "failures=\"0\"", "<error message=\"not run: cannot reach");
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("conformance: not run: cannot reach");
    }

    @Test
    void aTargetThatRefusesTheKeyForEveryRequestIsNotRunWithExitStatus3() throws Exception {
        ContractSpec spec = ContractSpec.load();
        List<String> flags = new ArrayList<>(List.of("--port", "0", "--access-log", "false", "--api-key", "another-key",
                "--shutdown-grace", "1"));
        MockServer target = MockServer.create(SettingsParser.parse(flags.toArray(String[]::new), Map.of(), spec.modellix()),
                spec, EffectCatalog.load(spec)).start();
        try {
            Outcome outcome = probe(target, "--effects");

            assertThat(outcome.exit()).isEqualTo(ConformanceCommand.NOT_RUN);
            assertThat(outcome.markdown()).contains("**not run:** the target refused the key for all")
                    .contains("first answer: 401").doesNotContain("### ").doesNotContain(KEY);
            assertThat(outcome.junit()).contains("errors=\"1\"").doesNotContain("effect bullet_time");
            assertThat(outcome.printed()).contains("conformance: not run: the target refused the key");
        } finally {
            target.stop();
        }
    }

    @Test
    void aTargetThatEchoesTheKeyBackNeverGetsItIntoTheReports() throws Exception {
        var echo = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"code\": 400, \"message\": \"bad header " + exchange.getRequestHeaders().getFirst("Authorization")
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        echo.start();
        try {
            List<String> args = List.of("--target", "http://127.0.0.1:" + echo.getAddress().getPort(), "--api-key", KEY,
                    "--pace-ms", "0", "--report-dir", reports.toString());
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exit = ConformanceCommand.run(args.toArray(String[]::new), Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));
            String markdown = Files.readString(reports.resolve("conformance-report.md"));
            String junit = Files.readString(reports.resolve("conformance-report.xml"));

            assertThat(exit).isEqualTo(1);
            assertThat(markdown).contains("bad header Bearer <api key>").doesNotContain(KEY);
            assertThat(junit).contains("bad header Bearer &lt;api key&gt;").doesNotContain(KEY);
            assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
        } finally {
            echo.stop(0);
        }
    }

    @Test
    void theHelpDocumentsEveryExitStatus() {
        assertThat(ConformanceCommand.usage()).contains("0 no difference", "1 differences found", "2 bad options",
                "3 not run");
    }

    @Test
    void refusesBillableRunsWithoutAnImageAndRunsWithoutAKey() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        assertThat(ConformanceCommand.run(new String[] {"--target", "https://api.example", "--api-key", "k",
                "--allow-billable", "2"}, Map.of(), out)).isEqualTo(2);
        assertThat(ConformanceCommand.run(new String[] {"--target", "https://api.example"}, Map.of(), out)).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--allow-billable needs --image-url")
                .contains("--api-key (or MODELLIX_API_KEY) is needed");
    }

    @Test
    void aReportFolderItCannotWriteAndANegativePaceAreRefusedBeforeTheRun() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Path file = Files.writeString(reports.resolve("a-file"), "not a folder");

        assertThat(ConformanceCommand.run(new String[] {"--target", "http://127.0.0.1:9", "--api-key", KEY,
                "--report-dir", file.resolve("inside").toString()}, Map.of(), out)).isEqualTo(2);
        assertThat(ConformanceCommand.run(new String[] {"--target", "http://127.0.0.1:9", "--api-key", KEY,
                "--pace-ms", "-1", "--report-dir", reports.toString()}, Map.of(), out)).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("--report-dir " + file.resolve("inside") + " cannot be written")
                .contains("--pace-ms takes 0 or more, got '-1'")
                .doesNotContain("cases,");
    }
}
