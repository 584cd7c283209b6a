package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.mock.config.SettingsParser;
import dev.klingeffects.mock.conformance.ConformanceCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `help`, `--help` and the same before `conformance` print the help instead of starting the mock or running the probe. */
class HelpCommandsTest {

    private static String printedBy(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Main.main(args);
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help conformance", "help conformance"})
    void theConformanceCommandsHelp(String args) {
        assertThat(printedBy(args.split(" "))).isEqualTo(ConformanceCommand.usage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help"})
    void theMocksHelp(String args) {
        assertThat(printedBy(args.split(" "))).isEqualTo(SettingsParser.usage());
    }
}
