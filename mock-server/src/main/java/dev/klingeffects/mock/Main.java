package dev.klingeffects.mock;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.config.SettingsParser;
import dev.klingeffects.mock.conformance.ConformanceCommand;
import dev.klingeffects.mock.conformance.ConformanceOptions;
import java.net.BindException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Command-line entry: {@code java -jar kling-effects-mock-server.jar [flags]}. */
public final class Main {

    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private Main() {}

    /**
     * Parses the flags, starts the mock and keeps it running until SIGTERM or Ctrl-C.
     *
     * @param args flags, see {@code --help}
     */
    public static void main(String[] args) {
        main(args, System.getenv());
    }

    /** {@link #main(String[])} with the environment twins read from {@code env}. */
    static void main(String[] args, Map<String, String> env) {
        // Jetty sizes its padding against false sharing by asking the platform MBean server whether oops are
        // compressed: starting JMX (and with it JFR's and JUL's management beans, ~250 classes) only for that
        // was a tenth of the start-up. The size of an array slot says the same; a flag still wins.
        System.getProperties().putIfAbsent(JETTY_REFERENCES_PER_CACHE_LINE, referencesPerCacheLine());
        if (args.length > 0 && args[0].equals("help")) { // `help` and `help conformance`, as git and picocli users type
            System.out.print(args.length > 1 && args[1].equals(ConformanceOptions.NAME) ? ConformanceCommand.usage()
                    : SettingsParser.usage());
            return;
        }
        // Start-up on both cores: the server libraries' set-up and the contract need no flag, so they are
        // under way on other threads while this one reads the flags (picocli's reflection). Help and the
        // conformance probe start no server: they get no head start to compete with on the cores.
        boolean serving = !SettingsParser.wantsHelp(args) && !List.of(args).contains(ConformanceOptions.NAME);
        if (serving) {
            ServerWarmUp.start();
        }
        Supplier<PreparedContract> contract = serving ? PreparedContract.packagedAside() : PreparedContract::packaged;
        CommandLine.ParseResult parsed;
        try {
            parsed = SettingsParser.commandLine(env).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            if (ConformanceOptions.NAME.equals(e.getCommandLine().getCommandName())) {
                System.exit(ConformanceCommand.refuse(e, System.out));
            } else if (SettingsParser.wantsHelp(args)) {
                System.out.print(SettingsParser.usage());
            } else {
                exit(2, SettingsParser.message(e));
            }
            return;
        }
        if (parsed.subcommand() != null && parsed.isUsageHelpRequested()) { // --help conformance
            System.out.print(ConformanceCommand.usage());
            return;
        }
        if (parsed.subcommand() != null) {
            System.exit(ConformanceCommand.run(parsed.subcommand(), System.out));
            return;
        }
        if (parsed.isUsageHelpRequested()) {
            System.out.print(SettingsParser.usage());
            return;
        }
        PreparedContract prepared = contract.get();
        ContractSpec spec = prepared.spec();
        Settings settings;
        try {
            settings = SettingsParser.settings(parsed, spec.modellix());
        } catch (SettingsParser.InvalidSettingsException e) {
            exit(2, e.getMessage());
            return;
        }
        MockServer server = MockServer.create(settings, prepared);
        try {
            server.start();
        } catch (RuntimeException e) {
            exit(1, whyNotListening(e, settings));
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "graceful-shutdown"));
        System.out.println("Kling effects mock server (spec " + spec.version() + ") listening on " + server.baseUrl());
        settings.describe().forEach(line -> System.out.println("  " + line));
        System.out.println("  docs               " + server.baseUrl() + "/docs");
        if (server.adminExposed()) {
            System.out.println("WARNING: listening on " + settings.host() + " with no --admin-token: anyone who can "
                    + "reach this port can reset the mock and plant tasks through /__admin. Set --admin-token.");
        }
    }

    /**
     * What Jetty would work out through JMX: a cache line over the size of a reference, 4 bytes with compressed
     * oops (a heap under 32 GB) and 8 without (ZGC on JDK 17, {@code -XX:-UseCompressedOops}).
     */
    static String referencesPerCacheLine() {
        int cacheLineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
        int referenceBytes;
        try {
            // Read reflectively: sun.misc.Unsafe named in code is a compiler warning in every build.
            referenceBytes = Class.forName("sun.misc.Unsafe").getField("ARRAY_OBJECT_INDEX_SCALE").getInt(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            referenceBytes = 4;
        }
        return String.valueOf(cacheLineBytes / Math.max(1, referenceBytes));
    }

    /** One line a person can act on, instead of a stack trace. */
    static String whyNotListening(RuntimeException e, Settings settings) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                String message = String.valueOf(bind.getMessage());
                if (message.contains("in use")) {
                    return "port " + settings.port() + " is in use; pick another with --port (0 picks a free one)";
                }
                return "cannot listen on " + settings.host() + ":" + settings.port() + " (" + message
                        + "); is " + settings.host() + " an address of this machine? Pick another with --host";
            }
        }
        return "cannot start: " + e.getMessage();
    }

    private static void exit(int status, String message) {
        System.err.println("kling-effects-mock-server: " + message);
        System.exit(status);
    }
}
