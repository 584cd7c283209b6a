package dev.klingeffects.contracttests.support;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.MockServer;
import dev.klingeffects.mock.config.SettingsParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The mock server started inside the test JVM on a free port; driven through its admin API. */
public final class InProcessMock implements AutoCloseable {

    private final MockServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private InProcessMock(MockServer server) {
        this.server = server;
    }

    /** Starts the mock with these flags on top of: port 0, no access log, fixed seed, frozen clock. */
    public static InProcessMock start(String... flags) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--access-log", "false", "--seed", "7",
                "--frozen-clock", "true"));
        args.addAll(List.of(flags));
        ContractSpec spec = ContractSpec.load();
        var settings = SettingsParser.parse(args.toArray(String[]::new), Map.of(), spec.modellix());
        return new InProcessMock(MockServer.create(settings, spec).start());
    }

    /** @return the port */
    public int port() {
        return server.port();
    }

    /** @return {@code http://127.0.0.1:port} */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Posts to the admin API and insists on a 200. */
    public void admin(String path, String json) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/__admin" + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("admin " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Forgets every task, request, limit window and clock offset. */
    public void reset() {
        admin("/reset", "{}");
    }

    /** Creates a task with a known id for {@code apiKey}, in {@code status}. */
    public void createTask(String taskId, String apiKey, String status, String errorMessage) {
        admin("/tasks", "{\"task_id\": \"" + taskId + "\", \"api_key\": \"" + apiKey + "\""
                + (status == null ? "" : ", \"status\": \"" + status + "\"")
                + (errorMessage == null ? "" : ", \"error_message\": \"" + errorMessage + "\"") + "}");
    }

    /** Moves the mock's clock forward. */
    public void advanceClock(long millis) {
        admin("/clock/advance", "{\"millis\": " + millis + "}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
