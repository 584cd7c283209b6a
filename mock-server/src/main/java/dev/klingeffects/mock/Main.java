package dev.klingeffects.mock;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.config.SettingsParser;

/** Command-line entry: {@code java -jar kling-effects-mock-server.jar [flags]}. */
public final class Main {

    private Main() {}

    /**
     * Parses the flags, starts the mock and keeps it running until SIGTERM or Ctrl-C.
     *
     * @param args flags, see {@code --help}
     */
    public static void main(String[] args) {
        if (SettingsParser.wantsHelp(args)) {
            System.out.print(SettingsParser.usage());
            return;
        }
        ContractSpec spec = ContractSpec.load();
        Settings settings;
        try {
            settings = SettingsParser.parse(args, System.getenv(), spec.modellix());
        } catch (SettingsParser.InvalidSettingsException e) {
            System.err.println("kling-effects-mock-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        MockServer server = MockServer.create(settings, spec).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "graceful-shutdown"));
        System.out.println("Kling effects mock server (spec " + spec.version() + ") listening on " + server.baseUrl());
        settings.describe().forEach(line -> System.out.println("  " + line));
        System.out.println("  docs               " + server.baseUrl() + "/docs");
    }
}
