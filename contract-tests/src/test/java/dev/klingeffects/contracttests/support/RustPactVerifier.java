package dev.klingeffects.contracttests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference Rust Pact verifier ({@code pact_ffi} from the npm package
 * {@code @pact-foundation/pact-core}, through {@code tools/verify-pact.js}) as a separate process.
 */
public final class RustPactVerifier {

    private static final long TIMEOUT_SECONDS = 180;

    /** What the verifier said: its exit code and everything it printed. */
    public record Outcome(int exitCode, String output) {}

    private RustPactVerifier() {}

    /** Verifies {@code pacts} against {@code providerBaseUrl}, states built through {@code stateChangeUrl}. */
    public static Outcome verify(String providerBaseUrl, String stateChangeUrl, List<Path> pacts) {
        Path tools = ContractFiles.toolsDir().toAbsolutePath().normalize();
        Path script = tools.resolve("verify-pact.js");
        if (!Files.isDirectory(tools.resolve("node_modules/@pact-foundation/pact-core"))) {
            throw new IllegalStateException("The Rust verifier is not installed in " + tools
                    + ": the build installs it (bash tools/install.sh); run that, or ./mvnw verify");
        }
        List<String> command = new ArrayList<>(List.of("node", script.toString(),
                "--provider-base-url", providerBaseUrl, "--state-change-url", stateChangeUrl,
                "--provider", Contract.PROVIDER));
        pacts.forEach(pact -> command.add(pact.toAbsolutePath().toString()));
        try {
            Path log = Files.createTempFile("rust-pact-verifier", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().put("PACT_DO_NOT_TRACK", "true");
                builder.environment().put("NO_COLOR", "1");
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the Rust verifier took longer than " + TIMEOUT_SECONDS
                            + " s:\n" + Files.readString(log));
                }
                // The verifier colours its report whatever the terminal; assertions read plain text.
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

    /** @return the pact files the consumer tests wrote */
    public static List<Path> pactFiles() {
        try (var files = Files.list(ContractFiles.pactDir())) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
