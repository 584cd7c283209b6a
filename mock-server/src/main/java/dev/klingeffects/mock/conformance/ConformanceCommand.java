package dev.klingeffects.mock.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import dev.klingeffects.mock.MockServer;
import dev.klingeffects.mock.config.EnvTwins;
import dev.klingeffects.mock.config.HelpText;
import dev.klingeffects.mock.config.SettingsParser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code java -jar kling-effects-mock-server.jar conformance --target URL --api-key KEY}: sends the same
 * requests to the target (the real API) and to an in-process mock, and reports every difference.
 * Free by default (only requests upstream refuses before billing), paced under upstream's rate limit,
 * stops at the first 429, never retries a submit, never writes the key anywhere.
 */
public final class ConformanceCommand {

    private static final Pattern QUOTED = Pattern.compile("'([a-z0-9_']{2,64})'");
    private static final Set<String> FIELD_NAMES = Set.of("effect_scene", "image", "images", "duration");

    /** Exit status: the target and the mock agree. */
    public static final int SAME = 0;
    /** Exit status: they differ (or the target rate-limited the run before it ended). */
    public static final int DIFFERENT = 1;
    /** Exit status: the options are wrong. */
    public static final int BAD_OPTIONS = 2;
    /** Exit status: nothing compared, the target unreachable or refusing the key: a CI set-up problem, not a drift. */
    public static final int NOT_RUN = 3;

    /** Where an option's help starts in {@code conformance --help}. */
    private static final int HELP_COLUMN = 28;

    private ConformanceCommand() {}

    /** The options of one run. */
    record Options(String target, String apiKey, int allowBillable, String imageUrl, boolean effects, Path reportDir,
                   long paceMillis, Duration billableTimeout) {

        /** @param pace the pause between requests to the target */
        Options withPace(long pace) {
            return new Options(target, apiKey, allowBillable, imageUrl, effects, reportDir, pace, billableTimeout);
        }
    }

    /** @return the help text */
    public static String usage() {
        return HelpText.of(EnvTwins.commandLine(new ConformanceOptions(), Map.of()).getCommandSpec(), HELP_COLUMN, null);
    }

    /** Runs from the command line and exits with the status {@link #run} gives. */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out));
    }

    /**
     * @return {@value #SAME} when target and mock agree, {@value #DIFFERENT} when they differ (or the target
     *         rate-limited the run), {@value #BAD_OPTIONS} on bad options, {@value #NOT_RUN} when nothing could be
     *         compared: the target could not be reached, or refused the key for every request
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        ParseResult parsed;
        try {
            parsed = EnvTwins.commandLine(new ConformanceOptions(), env).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return refuse(e, out);
        }
        return run(parsed, out);
    }

    /**
     * @param parsed what picocli parsed for this subcommand (environment twins applied)
     * @param out    where to print progress, help and refusals
     * @return the exit status, as {@link #run(String[], Map, PrintStream)}
     */
    public static int run(ParseResult parsed, PrintStream out) {
        if (parsed.isUsageHelpRequested()) {
            out.print(usage());
            return SAME;
        }
        Options options;
        try {
            options = options((ConformanceOptions) parsed.commandSpec().userObject());
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage(), out);
        }
        ContractSpec spec = ContractSpec.load();
        if (options.paceMillis() < 0) {
            options = options.withPace(defaultPaceMillis(spec));
        }
        Report.Findings findings = probe(options, spec, EffectCatalog.load(spec), out);
        try {
            Report.write(findings, options.reportDir(), options.apiKey());
        } catch (UncheckedIOException e) {
            out.println("conformance: the report could not be written to " + options.reportDir() + ": " + e.getCause());
            return BAD_OPTIONS;
        }
        if (findings.notRun() != null) {
            out.println("conformance: not run: " + findings.notRun() + "; report in "
                    + options.reportDir().resolve("conformance-report.md"));
            return NOT_RUN;
        }
        out.println("conformance: " + findings.results().size() + " cases, " + findings.differing() + " differences"
                + (findings.stopped() == null ? "" : ", stopped early: " + findings.stopped())
                + "; report in " + options.reportDir().resolve("conformance-report.md"));
        return findings.differing() == 0 && findings.stopped() == null ? SAME : DIFFERENT;
    }

    /**
     * Prints what picocli refused, in the words users know, and the help.
     *
     * @return {@value #BAD_OPTIONS}
     */
    public static int refuse(CommandLine.ParameterException e, PrintStream out) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return refuse("unknown option " + unmatched.getUnmatched().get(0), out);
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return refuse(option.longestName() + " needs a value", out);
        }
        return refuse(e.getMessage(), out);
    }

    private static int refuse(String message, PrintStream out) {
        out.println("conformance: " + message);
        out.print(usage());
        return BAD_OPTIONS;
    }

    static Options options(ConformanceOptions given) {
        String target = given.target == null ? null : given.target.replaceAll("/+$", "");
        String key = given.apiKey;
        int billable = (int) number("--allow-billable", given.allowBillable, 0);
        Path reportDir = Path.of(given.reportDir == null ? "conformance-report" : given.reportDir);
        long pace = number("--pace-ms", given.paceMs, -1);
        long billableTimeout = number("--billable-timeout", given.billableTimeout, 600);
        String imageUrl = given.imageUrl;
        if (target == null || !target.matches("https?://\\S+")) {
            throw new IllegalArgumentException("--target must be an http(s) URL");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("--api-key (or MODELLIX_API_KEY) is needed");
        }
        if (billable < 0 || billable > 100 || billableTimeout < 1) {
            throw new IllegalArgumentException("--allow-billable takes 0 to 100, --pace-ms 0 or more, --billable-timeout 1 or more");
        }
        if (given.paceMs != null && pace < 0) {
            throw new IllegalArgumentException("--pace-ms takes 0 or more, got '" + given.paceMs + "'");
        }
        if (billable > 0 && (imageUrl == null || !imageUrl.matches("https?://\\S+"))) {
            throw new IllegalArgumentException("--allow-billable needs --image-url with an http(s) image upstream can fetch");
        }
        requireWritable(reportDir);
        return new Options(target, key, billable, imageUrl, given.effects, reportDir, pace, Duration.ofSeconds(billableTimeout));
    }

    /** Checked before the run, so that a report folder it cannot write fails in seconds, not after the run. */
    private static void requireWritable(Path reportDir) {
        try {
            Files.createDirectories(reportDir);
            Files.deleteIfExists(Files.createTempFile(reportDir, ".conformance-", ".probe"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("--report-dir " + reportDir + " cannot be written: " + e);
        }
    }

    private static long number(String option, String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return option.equals("--allow-billable") ? Integer.parseInt(value) : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }

    /** Upstream's published rate limit (the spec's x-modellix), with 15 % to spare: 690 ms at 100/min. */
    static long defaultPaceMillis(ContractSpec spec) {
        int perMinute = spec.modellix().path("rate-limit-requests-per-minute").asInt(100);
        return Math.round(60_000.0 / perMinute * 1.15);
    }

    static Report.Findings probe(Options options, ContractSpec spec, EffectCatalog catalog, PrintStream out) {
        var settings = SettingsParser.parse(new String[] {"--port", "0", "--access-log", "false", "--api-key",
                options.apiKey(), "--shutdown-grace", "1"}, Map.of(), spec.modellix());
        MockServer mock = MockServer.create(settings, spec).start();
        try {
            return new Run(options, spec, catalog, mock.baseUrl(), out).all();
        } finally {
            mock.stop();
        }
    }

    /** One run of the probe against one target. */
    private static final class Run {
        private final Options options;
        private final EffectCatalog catalog;
        private final String mockUrl;
        private final PrintStream out;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final ShapeCheck shapes;
        private final ProbeCases cases;
        private final JsonNode submitted;
        private final JsonNode task;
        private final JsonNode error;
        private final String specVersion;
        private final List<Report.Result> results = new ArrayList<>();
        private String stopped;
        private String notRun;
        private boolean targetAnswered;

        Run(Options options, ContractSpec spec, EffectCatalog catalog, String mockUrl, PrintStream out) {
            this.options = options;
            this.catalog = catalog;
            this.mockUrl = mockUrl;
            this.out = out;
            this.shapes = new ShapeCheck(spec);
            ContractSpec.Operation submit = spec.operation("submitEffectTask");
            ContractSpec.Operation getTask = spec.operation("getTask");
            this.cases = new ProbeCases(submit.path(), getTask.path().substring(0, getTask.path().indexOf('{')));
            this.submitted = spec.schema("SubmitTaskResponse");
            this.task = spec.schema("TaskResponse");
            this.error = spec.schema("Error");
            this.specVersion = spec.version();
        }

        Report.Findings all() {
            for (ProbeCase probe : cases.free()) {
                if (!send(probe)) {
                    return findings(List.of(), List.of());
                }
            }
            notRun = keyRefused();
            if (notRun != null) {
                return findings(List.of(), List.of());
            }
            List<String> unknownUpstream = new ArrayList<>();
            Set<String> unknownHere = new LinkedHashSet<>();
            if (options.effects()) {
                for (ProbeCase probe : cases.effects(catalog)) {
                    if (!send(probe)) {
                        break;
                    }
                    Report.Result result = results.get(results.size() - 1);
                    String message = result.target().json() == null ? "" : result.target().json().path("message").asText();
                    String effect = probe.name().substring("effect ".length());
                    if (message.contains("effect_scene") && !result.differences().isEmpty()) {
                        unknownUpstream.add(effect);
                    }
                    Matcher quoted = QUOTED.matcher(message);
                    while (quoted.find()) {
                        String name = quoted.group(1);
                        if (!FIELD_NAMES.contains(name) && !name.equals(effect) && catalog.find(name).isEmpty()) {
                            unknownHere.add(name);
                        }
                    }
                }
            }
            for (int i = 0; i < options.allowBillable() && stopped == null; i++) {
                billable();
            }
            return findings(unknownUpstream, List.copyOf(unknownHere));
        }

        private Report.Findings findings(List<String> unknownUpstream, List<String> unknownHere) {
            return new Report.Findings(options.target(), specVersion, results, unknownUpstream,
                    unknownHere, stopped, notRun);
        }

        /**
         * @return why the run compared nothing when the target answered 401 or 403 to every request that carried
         *         the key (which the mock accepts) and that it authenticates (a wrong method's 405 may come before
         *         the key is looked at), or null
         */
        private String keyRefused() {
            List<Report.Result> keyed = results.stream().filter(result -> result.probe().carriesKey())
                    .filter(result -> result.target().status() != 405).toList();
            boolean allRefused = !keyed.isEmpty() && keyed.stream()
                    .allMatch(result -> result.target().status() == 401 || result.target().status() == 403);
            if (!allRefused) {
                return null;
            }
            Exchange first = keyed.get(0).target();
            String message = first.json() == null ? "" : first.json().path("message").asText();
            return "the target refused the key for all " + keyed.size() + " requests it authenticates (first answer: "
                    + first.status() + (message.isEmpty() ? "" : " \"" + message.replace(options.apiKey(), ProbeCase.KEY)
                    + "\"") + "); check --api-key (or MODELLIX_API_KEY) and that it belongs to --target";
        }

        /** Sends one case to both; false when the run must stop (the target rate-limited us). */
        private boolean send(ProbeCase probe) {
            Exchange target = Exchange.send(http, options.target(), probe, options.apiKey());
            if (target.error() != null && !targetAnswered) {
                // Nothing has answered yet: an address that is wrong or down, not a difference to report 22 times.
                notRun = "cannot reach " + options.target() + " (" + target.error() + ")";
                return false;
            }
            targetAnswered = true;
            pace();
            if (target.status() == 429) {
                stopped = "the target answered 429 to '" + probe.name() + "' (Retry-After "
                        + target.headers().getOrDefault("retry-after", "not given") + " s); run again after that";
                return false;
            }
            Exchange mock = Exchange.send(http, mockUrl, probe, options.apiKey());
            List<String> differences = new ArrayList<>(Comparison.differences(target, mock, shapes,
                    probe.method().equals("POST") ? submitted : task, error));
            if (!probe.billable() && target.status() == 200 && probe.method().equals("POST")) {
                differences.add(0, "BILLED: the target accepted a request it should refuse, and created task "
                        + (target.json() == null ? "?" : target.json().at("/data/task_id").asText()));
            }
            results.add(new Report.Result(probe, target, mock, differences));
            out.println((differences.isEmpty() ? "  same     " : "  DIFFERS  ") + probe.name());
            return true;
        }

        /** One billable task: submit once (never retried), then follow it to its end. */
        private void billable() {
            ProbeCase submit = cases.billableSubmit(options.imageUrl());
            if (!send(submit)) {
                return;
            }
            Report.Result submittedResult = results.get(results.size() - 1);
            JsonNode body = submittedResult.target().json();
            String targetTask = body == null ? "" : body.at("/data/task_id").asText();
            String mockTask = submittedResult.mock().json() == null ? "" : submittedResult.mock().json().at("/data/task_id").asText();
            if (targetTask.isEmpty()) {
                return;
            }
            long deadline = System.nanoTime() + options.billableTimeout().toNanos();
            while (System.nanoTime() < deadline) {
                Exchange target = Exchange.send(http, options.target(), cases.poll(targetTask), options.apiKey());
                pace();
                List<String> problems = target.json() == null ? List.of("the target's body is not JSON")
                        : shapes.problems(target.json(), task);
                String status = target.json() == null ? "" : target.json().at("/data/status").asText();
                boolean finished = status.equals("success") || status.equals("failed") || target.status() != 200;
                if (finished || !problems.isEmpty()) {
                    Exchange mock = Exchange.send(http, mockUrl, cases.poll(mockTask), options.apiKey());
                    List<String> differences = new ArrayList<>();
                    problems.forEach(problem -> differences.add("target body vs spec: " + problem));
                    if (target.status() != 200) {
                        differences.add("status: target " + target.status() + " while following its own task");
                    }
                    results.add(new Report.Result(cases.poll(targetTask), target, mock, differences));
                    out.println((differences.isEmpty() ? "  same     " : "  DIFFERS  ") + "task " + targetTask + " ended " + status);
                    return;
                }
                sleep(5000);
            }
            stopped = "task " + targetTask + " did not finish within " + options.billableTimeout().toSeconds() + " s";
        }

        private void pace() {
            sleep(options.paceMillis());
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
