package dev.klingeffects.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.MockServer;
import dev.klingeffects.mock.config.SettingsParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The real mock on a free port, for the tests that need its network faults, with the few admin calls they make. */
final class FaultyMock implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    FaultyMock() {
        ContractSpec spec = ContractSpec.load();
        server = MockServer.create(SettingsParser.parse(new String[] {"--port", "0", "--access-log", "false",
                "--shutdown-grace", "1"}, Map.of(), spec.modellix()), spec).start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    KlingEffectsClient.Builder client(Timing timing) {
        return KlingEffectsClient.builder().baseUrl(baseUrl()).apiKey(Clients.KEY).timing(timing);
    }

    /** Queues a fault for the next {@code count} requests, as {@code POST /__admin/outcomes} does. */
    void faultNext(String fault, String when, int count) {
        admin("POST", "/outcomes", "{\"fault\":\"" + fault + "\",\"fault_when\":\"" + when + "\",\"count\":" + count + "}");
    }

    void createTask(String taskId) {
        admin("POST", "/tasks", "{\"task_id\":\"" + taskId + "\",\"api_key\":\"" + Clients.KEY + "\"}");
    }

    int tasks() {
        return admin("GET", "/tasks", null).path("total").asInt();
    }

    /** @return how many requests of this method the journal holds */
    long requests(String method) {
        JsonNode requests = admin("GET", "/requests?limit=1000", null).path("requests");
        long count = 0;
        for (JsonNode request : requests) {
            count += request.path("method").asText().equals(method) ? 1 : 0;
        }
        return count;
    }

    void reset() {
        admin("POST", "/reset", "{}");
    }

    private JsonNode admin(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/__admin" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
