package dev.klingeffects.mock.config;

import dev.klingeffects.mock.conformance.ConformanceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The mock's command line, described once: every flag with its parameter and help (its environment twin is
 * {@code KLING_MOCK_} and its name, see {@link SettingsParser}), the fixed bounds, and the {@code conformance}
 * subcommand. Values stay text here; {@link SettingsParser} checks them and says what is wrong in the words
 * users know.
 */
@Command(name = "kling-effects-mock-server", subcommands = ConformanceOptions.class,
        customSynopsis = {"Usage: java -jar kling-effects-mock-server.jar [flags]",
            "       java -jar kling-effects-mock-server.jar conformance --target URL --api-key KEY [options]", ""},
        description = {"Every flag has an environment twin, shown after it; a flag wins over its twin.", ""},
        footer = MockFlags.BOUNDS)
final class MockFlags implements EnvTwins.Twinned {

    /** What every twin's name starts with: {@code --rate-limit} has {@code KLING_MOCK_RATE_LIMIT}. */
    static final String TWIN_PREFIX = "KLING_MOCK_";

    static final String BOUNDS = """

            Fixed bounds: 200 request threads, which also write delayed answers; request line and headers
            64 KiB (414, 431); a submit body as the spec allows (413), an admin body 64 KiB; a connection
            reads 32 KiB at a time; bodies at 16 KiB/s or faster after their first second (408); refused
            bodies drained at most 32 MiB or 2 s, then the connection closes (at once when the client waits
            for 100 Continue); idle connections close after 15 s, and at once on stop while requests in
            flight get the grace; admin listings 100 per page, at most 1000 (limit, cursor,
            order=oldest|newest).
            API keys at most 1024 characters (401), each kept as a 16-byte fingerprint and an 8-character
            hint, never whole; the rate limit counts at most 10000 keys apart per minute (about 1.5 MB),
            keys beyond them in a minute share one window. A submit body at most 10000 JSON tokens (400);
            fields the contract does not read are skipped, never built; arrays keep 64 items, the rest
            counted. Admin texts as the spec bounds them (task_id 128, effect_scene 64, error_message 1024
            characters). The clock never passes year 9899. The journal keeps per request 512 characters of
            path, 32 headers of 120 characters (the key as its hint) and 4096 characters of body, strings over
            256 characters as their length and CRC32C: about 13 KB. Queued faults: at most 1000 entries of at
            most 1000 requests each; slow-body dribbles the answer over the delay, at most 60 s.
            The log: client text clipped to 120 characters with control and non-ASCII characters escaped;
            at most 200 access lines, 10 ignored-Prefer warnings and 5 internal faults a second, the rest
            counted and reported with the next line. State is in memory only: a restart forgets every task.
            """;

    @Option(names = "--host", paramLabel = "ADDRESS", order = 0, description = "interface to listen on (default 127.0.0.1)")
    String host;

    @Option(names = "--port", paramLabel = "N", order = 1, description = "port to listen on, 0 picks a free one (default 8080)")
    String port;

    @Option(names = "--public-url", paramLabel = "URL", order = 2, description = "base URL for links in responses (default: the request's own host)")
    String publicUrl;

    @Option(names = "--api-key", paramLabel = "KEY", order = 3, description = "accept only this key; repeatable; env: comma-separated (default: any non-empty key of at most 1024 characters)")
    List<String> apiKey = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "qa|realistic", order = 4, description = "qa: tasks finish in seconds, no limits; realistic: upstream timing and limits (default qa)")
    String profile;

    @Option(names = "--pending-ms", paramLabel = "MS", order = 5, description = "time a task stays pending (qa 1000, realistic 5000)")
    String pendingMs;

    @Option(names = "--processing-ms", paramLabel = "MS|MIN-MAX", order = 6, description = "time a task stays processing, at most a year (qa 4000, realistic from the spec: 30000-120000)")
    String processingMs;

    @Option(names = "--failure-rate", paramLabel = "0..1", order = 7, description = "share of tasks that fail on their own (qa 0, realistic 0.05)")
    String failureRate;

    @Option(names = "--result-ttl", paramLabel = "ISO-8601", order = 8, description = "how long results stay downloadable, e.g. PT1H (default from the spec: P7D)")
    String resultTtl;

    @Option(names = "--rate-limit", paramLabel = "N", order = 9, description = "requests per minute per key, 0 = off (qa 0, realistic from the spec: 100)")
    String rateLimit;

    @Option(names = "--concurrent-limit", paramLabel = "N", order = 10, description = "unfinished tasks per key, 0 = off (qa 0, realistic from the spec: 3)")
    String concurrentLimit;

    @Option(names = "--max-tasks", paramLabel = "N", order = 11, description = "most tasks kept (in memory only: a restart forgets them); past it the oldest finished task goes, an unfinished one only when none has finished; a submitted task holds about 0.5 KiB, one planted through /__admin at most 3 KiB (default 50000: 25 MB, 150 MB if all planted with the longest texts)")
    String maxTasks;

    @Option(names = "--journal-size", paramLabel = "N", order = 12, description = "most requests kept in the admin journal (default 1000)")
    String journalSize;

    @Option(names = "--admin-token", paramLabel = "TOKEN", order = 13, description = "require 'Authorization: Bearer TOKEN' on /__admin (default: none; set it when others can reach the port)")
    String adminToken;

    @Option(names = "--upload-memory", paramLabel = "MB", order = 14, description = "memory all request bodies in flight may hold together; more wait up to 10 s (at most half the body timeout), then 503 (default: a third of the heap; never less than one maximal body needs)")
    String uploadMemory;

    @Option(names = "--max-uploads", paramLabel = "N", order = 15, description = "bodies over 64 KiB received at once, and as many smaller ones still arriving; more get 503 at once (default 32)")
    String maxUploads;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", order = 16, description = "a whole request body must arrive within this, else 408 (default 60)")
    String bodyTimeout;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", order = 17, description = "on SIGTERM, stop accepting and let requests in flight finish for up to this (default 10); then close their connections")
    String shutdownGrace;

    @Option(names = "--seed", paramLabel = "N", order = 18, description = "seed for random timings and failures (default: random)")
    String seed;

    @Option(names = "--access-log", paramLabel = "true|false", order = 19, description = "one log line per request (default true)")
    String accessLog;

    @Option(names = "--frozen-clock", paramLabel = "true|false", order = 20, description = "time moves only via /__admin/clock/advance (default false)")
    String frozenClock;

    @Option(names = {"--help", "-h"}, usageHelp = true, order = 21, description = "print this help and exit")
    boolean help;

    @Override
    public String twin(OptionSpec option) {
        return option.usageHelp() ? null
                : TWIN_PREFIX + option.longestName().substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
