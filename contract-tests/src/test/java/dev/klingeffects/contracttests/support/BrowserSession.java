package dev.klingeffects.contracttests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One headless Chromium ({@code tools/browser/session.mjs}) shared by the browser checks of a test class:
 * starting node and Chromium costs seconds per check, a fresh browser context per check costs milliseconds
 * and keeps the checks apart.
 */
public final class BrowserSession implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CHECK_TIMEOUT_SECONDS = 180;

    private final Process process;
    private final Path log;
    private final Writer commands;
    private final BufferedReader results;

    private BrowserSession(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.results = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts node with the session script; Chromium starts with it. */
    public static BrowserSession start() {
        Path tools = NodeTool.installedToolsDir();
        try {
            Path log = Files.createTempFile("browser-session", ".log");
            ProcessBuilder builder = new ProcessBuilder("node", tools.resolve("browser/session.mjs").toString())
                    .redirectError(log.toFile());
            builder.environment().put("NO_COLOR", "1");
            return new BrowserSession(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the check of {@code tools/browser/<script>} with these arguments in contexts of its own.
     *
     * @return the check's JSON line; {@code ok} says whether it passed, {@code error} why not
     */
    public JsonNode run(String script, List<String> args) {
        ObjectNode command = JSON.createObjectNode().put("script", script);
        args.forEach(command.putArray("args")::add);
        try {
            commands.write(JSON.writeValueAsString(command) + "\n");
            commands.flush();
            return JSON.readTree(CompletableFuture.supplyAsync(this::nextResultLine)
                    .get(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(script + " took longer than " + CHECK_TIMEOUT_SECONDS + " s:\n" + stderr());
        } catch (ExecutionException e) {
            throw new IllegalStateException(script + " failed: " + e.getCause() + "\n" + stderr(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String nextResultLine() {
        try {
            for (String line = results.readLine(); line != null; line = results.readLine()) {
                if (line.startsWith("{")) {
                    return line;
                }
            }
            throw new IllegalStateException("the browser session ended");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String stderr() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            commands.close();
            // Closing stdin ends the session and closes Chromium; a session that hangs must not outlive the tests.
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
