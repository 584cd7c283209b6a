package dev.klingeffects.contracttests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build puts the pacts and coverage records, and where the spec and README are. */
public final class ContractFiles {

    private ContractFiles() {}

    /** @return the folder the consumer tests write pacts to */
    public static Path pactDir() {
        return Path.of(System.getProperty("pact.rootDir", "target/pacts"));
    }

    /** @return the folder of the coverage records and report */
    public static Path coverageDir() {
        Path dir = Path.of(System.getProperty("contract.coverage.dir", "target/contract-coverage"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the spec file in the source tree */
    public static Path spec() {
        return Path.of(System.getProperty("spec.file", "../openapi/kling-video-effects.yaml"));
    }

    /** @return the folder of the npm tools the build installs ({@code tools/} at the checkout's root) */
    public static Path toolsDir() {
        return Path.of(System.getProperty("tools.dir", "../tools"));
    }

    /** @return the project's README */
    public static Path readme() {
        return Path.of(System.getProperty("readme.file", "../README.md"));
    }

    /** @return a file's text */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
