package dev.klingeffects.contracttests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the npm tools of {@code tools/} (installed by the build) as a separate process. */
public final class NodeTool {

    private static final long TIMEOUT_SECONDS = 180;

    /** What the tool said: its exit code and everything it printed, without colour codes. */
    public record Outcome(int exitCode, String output) {}

    private NodeTool() {}

    /** @return the absolute {@code tools/} folder; fails when its npm packages are not installed */
    static Path installedToolsDir() {
        Path tools = ContractFiles.toolsDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(tools.resolve("node_modules"))) {
            throw new IllegalStateException("The npm tools are not installed in " + tools
                    + ": the build installs them (bash tools/install.sh); run that, or ./mvnw verify");
        }
        return tools;
    }

    /** Runs {@code node tools/<script> args…}. */
    public static Outcome run(String script, List<String> args) {
        Path tools = installedToolsDir();
        List<String> command = new ArrayList<>(List.of("node", tools.resolve(script).toString()));
        command.addAll(args);
        try {
            Path log = Files.createTempFile("node-tool", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().put("PACT_DO_NOT_TRACK", "true");
                builder.environment().put("NO_COLOR", "1");
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(script + " took longer than " + TIMEOUT_SECONDS + " s:\n"
                            + Files.readString(log));
                }
                // Tools colour their reports whatever the terminal; assertions read plain text.
                return new Outcome(process.exitValue(), Files.readString(log).replaceAll("\u001B\\[[;\\d]*m", ""));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
