package dev.klingeffects.contracttests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the reference Rust Pact verifier ({@code pact_ffi} from the npm package
 * {@code @pact-foundation/pact-core}, through {@code tools/verify-pact.js}) as a separate process.
 */
public final class RustPactVerifier {

    private RustPactVerifier() {}

    /** Verifies {@code pacts} against {@code providerBaseUrl}, states built through {@code stateChangeUrl}. */
    public static NodeTool.Outcome verify(String providerBaseUrl, String stateChangeUrl, List<Path> pacts) {
        List<String> args = new ArrayList<>(List.of("--provider-base-url", providerBaseUrl,
                "--state-change-url", stateChangeUrl, "--provider", Contract.PROVIDER));
        pacts.forEach(pact -> args.add(pact.toAbsolutePath().toString()));
        return NodeTool.run("verify-pact.js", args);
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
