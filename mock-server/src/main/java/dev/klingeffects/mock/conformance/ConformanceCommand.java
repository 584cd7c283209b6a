package dev.klingeffects.mock.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.EffectCatalog;
import dev.klingeffects.mock.MockServer;
import dev.klingeffects.mock.config.SettingsParser;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        return """
                Usage: java -jar kling-effects-mock-server.jar conformance --target URL --api-key KEY [options]

                Sends the same requests to URL and to an in-process mock of this kit, compares status, the headers
                that matter, error codes and messages exactly and success bodies by shape against the spec, and
                writes conformance-report.md and conformance-report.xml (JUnit) to --report-dir.
                Exit status: 0 no difference; 1 differences found (or the target answered 429 and the run stopped
                early); 2 bad options; 3 not run: the target could not be reached or refused the key for every
                request, and the report says why instead of listing differences.

                  --target URL              the API to check, e.g. https://api.modellix.ai
                  --api-key KEY             your key (env MODELLIX_API_KEY); sent only to --target, never written
                  --effects                 also submit every catalog effect with an invalid image (free)
                  --allow-billable N        also submit N real tasks and follow them to the end (COSTS MONEY; default 0)
                  --image-url URL           the image of billable tasks (required with --allow-billable)
                  --report-dir DIR          where to write the report (default conformance-report)
                  --pace-ms MS              pause between requests to the target (default: upstream's published
                                            rate limit from the spec, with 15 % to spare: 690 ms at 100/min)
                  --billable-timeout SEC    how long to follow a billable task (default 600)

                Free cases are requests upstream refuses before billing; if the target accepts one of them anyway,
                the report says so with the task it created.
                """;
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
        Options options;
        try {
            options = parse(args, env);
        } catch (IllegalArgumentException e) {
            out.println("conformance: " + e.getMessage());
            out.print(usage());
            return BAD_OPTIONS;
        }
        if (options == null) {
            out.print(usage());
            return SAME;
        }
        ContractSpec spec = ContractSpec.load();
        if (options.paceMillis() < 0) {
            options = options.withPace(defaultPaceMillis(spec));
        }
        Report.Findings findings = probe(options, spec, EffectCatalog.load(spec), out);
        Report.write(findings, options.reportDir());
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

    static Options parse(String[] args, Map<String, String> env) {
        String target = null;
        String key = env.get("MODELLIX_API_KEY");
        int billable = 0;
        String imageUrl = null;
        boolean effects = false;
        Path reportDir = Path.of("conformance-report");
        long pace = -1;
        long billableTimeout = 600;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (arg.equals("--effects")) {
                effects = true;
                continue;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--target" -> target = value.replaceAll("/+$", "");
                    case "--api-key" -> key = value;
                    case "--allow-billable" -> billable = Integer.parseInt(value);
                    case "--image-url" -> imageUrl = value;
                    case "--report-dir" -> reportDir = Path.of(value);
                    case "--pace-ms" -> pace = Long.parseLong(value);
                    case "--billable-timeout" -> billableTimeout = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(arg + " needs a number, got '" + value + "'");
            }
        }
        if (target == null || !target.matches("https?://\\S+")) {
            throw new IllegalArgumentException("--target must be an http(s) URL");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("--api-key (or MODELLIX_API_KEY) is needed");
        }
        if (billable < 0 || billable > 100 || billableTimeout < 1) {
            throw new IllegalArgumentException("--allow-billable takes 0 to 100, --pace-ms 0 or more, --billable-timeout 1 or more");
        }
        if (billable > 0 && (imageUrl == null || !imageUrl.matches("https?://\\S+"))) {
            throw new IllegalArgumentException("--allow-billable needs --image-url with an http(s) image upstream can fetch");
        }
        return new Options(target, key, billable, imageUrl, effects, reportDir, pace, Duration.ofSeconds(billableTimeout));
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
