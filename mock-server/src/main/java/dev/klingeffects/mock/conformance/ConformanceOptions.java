package dev.klingeffects.mock.conformance;

import dev.klingeffects.mock.config.EnvTwins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The {@code conformance} subcommand's command line, described once for picocli. Values stay text here;
 * {@link ConformanceCommand} checks them and says what is wrong in the words users know.
 */
@Command(name = ConformanceOptions.NAME, header = {
        "compare a real API (e.g. https://api.modellix.ai) with this mock, request by request;",
        "'conformance --help' lists its options and exit statuses"},
        customSynopsis = {"Usage: java -jar kling-effects-mock-server.jar conformance --target URL --api-key KEY [options]", ""},
        description = ConformanceOptions.DESCRIPTION, footer = ConformanceOptions.FOOTER)
public final class ConformanceOptions implements EnvTwins.Twinned {

    /** The subcommand's name. */
    public static final String NAME = "conformance";

    static final String DESCRIPTION = """
            Sends the same requests to URL and to an in-process mock of this kit, compares status, the headers
            that matter, error codes and messages exactly and success bodies by shape against the spec, and
            writes conformance-report.md and conformance-report.xml (JUnit) to --report-dir.
            Exit status: 0 no difference; 1 differences found (or the target answered 429 and the run stopped
            early); 2 bad options; 3 not run: the target could not be reached or refused the key for every
            request, and the report says why instead of listing differences.

            """;

    static final String FOOTER = """

            Free cases are requests upstream refuses before billing; if the target accepts one of them anyway,
            the report says so with the task it created.
            """;

    @Option(names = "--target", paramLabel = "URL", order = 0, description = "the API to check, e.g. https://api.modellix.ai")
    String target;

    @Option(names = "--api-key", paramLabel = "KEY", order = 1,
            description = "your key (env MODELLIX_API_KEY); sent only to --target, never written")
    String apiKey;

    @Option(names = "--effects", order = 2, description = "also submit every catalog effect with an invalid image (free)")
    boolean effects;

    @Option(names = "--allow-billable", paramLabel = "N", order = 3,
            description = "also submit N real tasks and follow them to the end (COSTS MONEY; default 0)")
    String allowBillable;

    @Option(names = "--image-url", paramLabel = "URL", order = 4,
            description = "the image of billable tasks (required with --allow-billable)")
    String imageUrl;

    @Option(names = "--report-dir", paramLabel = "DIR", order = 5, description = "where to write the report (default conformance-report)")
    String reportDir;

    @Option(names = "--pace-ms", paramLabel = "MS", order = 6, description = {
        "pause between requests to the target (default: upstream's published",
        "rate limit from the spec, with 15 %% to spare: 690 ms at 100/min)"})
    String paceMs;

    @Option(names = "--billable-timeout", paramLabel = "SEC", order = 7, description = "how long to follow a billable task (default 600)")
    String billableTimeout;

    @Option(names = {"--help", "-h"}, usageHelp = true, hidden = true, description = "print this help and exit")
    boolean help;

    @Override
    public String twin(OptionSpec option) {
        return option.longestName().equals("--api-key") ? "MODELLIX_API_KEY" : null;
    }
}
