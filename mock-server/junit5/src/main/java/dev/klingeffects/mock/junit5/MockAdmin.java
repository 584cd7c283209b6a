package dev.klingeffects.mock.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A typed client of a running mock's {@code /__admin} API: tasks, forced states, planned outcomes,
 * the clock and the request journal. Works with any mock, in-process or not. A refusal of the admin
 * API throws {@link IllegalStateException} with the mock's message.
 */
public final class MockAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    private final String baseUrl;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param baseUrl the mock's base URL, e.g. {@code http://127.0.0.1:8080} */
    public MockAdmin(String baseUrl) {
        this(baseUrl, null);
    }

    /**
     * @param baseUrl    the mock's base URL
     * @param adminToken the mock's {@code --admin-token}, or null when it has none
     */
    public MockAdmin(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.adminToken = adminToken;
    }

    /** Forgets tasks, journal, planned outcomes, rate windows; the clock back to its start. */
    public void reset() {
        post("/reset", JSON.createObjectNode());
    }

    /** Moves the mock's clock forward (tasks advance through their lifecycle with it). */
    public void advanceClock(Duration by) {
        post("/clock/advance", JSON.createObjectNode().put("millis", by.toMillis()));
    }

    /** @return the mock's time now */
    public Instant now() {
        return Instant.ofEpochMilli(get("/clock").path("now").asLong());
    }

    /** Creates a task with a known id for {@code apiKey}; it runs its lifecycle from now. */
    public void createTask(String taskId, String apiKey) {
        post("/tasks", JSON.createObjectNode().put("task_id", taskId).put("api_key", apiKey));
    }

    /** Creates a task with a known id for {@code apiKey}, held in {@code status}. */
    public void createTask(String taskId, String apiKey, MockTaskStatus status) {
        post("/tasks", JSON.createObjectNode().put("task_id", taskId).put("api_key", apiKey).put("status", status.wire()));
    }

    /** Creates a failed task with a known id and reason for {@code apiKey}. */
    public void createFailedTask(String taskId, String apiKey, String errorMessage) {
        post("/tasks", JSON.createObjectNode().put("task_id", taskId).put("api_key", apiKey)
                .put("status", "failed").put("error_message", errorMessage));
    }

    /** Holds a task in {@code status} from now on. */
    public void forceState(String taskId, MockTaskStatus status) {
        post("/tasks/" + encode(taskId) + "/state", JSON.createObjectNode().put("status", status.wire()));
    }

    /** Makes a task fail now, with this {@code error_message}. */
    public void forceFailed(String taskId, String errorMessage) {
        post("/tasks/" + encode(taskId) + "/state", JSON.createObjectNode().put("status", "failed")
                .put("error_message", errorMessage));
    }

    /** The next submitted task (of any key) fails with this reason; calls queue up, in order. */
    public void failNext(String errorMessage) {
        post("/outcomes", JSON.createObjectNode().put("status", "failed").put("error_message", errorMessage));
    }

    /** The next submitted task (of any key) succeeds, even in a profile with random failures. */
    public void succeedNext() {
        post("/outcomes", JSON.createObjectNode().put("status", "success"));
    }

    /**
     * The next request (of any key, result files included), after the mock did its work, is answered with
     * this fault; calls queue up, in order. A submit then creates its task although its client never learns
     * the id. {@link MockFault#SLOW_BODY} dribbles the right answer over 1 s.
     */
    public void faultNext(MockFault fault) {
        faultNext(fault, MockFault.When.AFTER);
    }

    /** The next request (of any key) is answered with this fault, {@code BEFORE} or {@code AFTER} its work. */
    public void faultNext(MockFault fault, MockFault.When when) {
        post("/outcomes", JSON.createObjectNode().put("fault", fault.wire()).put("fault_when", when.wire()));
    }

    /**
     * The next {@code times} requests of {@code apiKey} are answered with this fault, {@code BEFORE} or
     * {@code AFTER} their work.
     *
     * @param times 1 to 1,000
     */
    public void faultNext(String apiKey, int times, MockFault fault, MockFault.When when) {
        post("/outcomes", JSON.createObjectNode().put("fault", fault.wire()).put("fault_when", when.wire())
                .put("api_key", apiKey).put("count", times));
    }

    /** The next request (of any key) gets its right answer dribbled over {@code over} (at most 60 s). */
    public void slowBodyNext(Duration over) {
        post("/outcomes", JSON.createObjectNode().put("fault", MockFault.SLOW_BODY.wire()).put("delay", over.toMillis()));
    }

    /** Forgets the queued outcomes and faults. */
    public void clearQueued() {
        send("DELETE", "/outcomes", null);
    }

    /** @return every live task, oldest first */
    public List<MockTask> tasks() {
        return all("/tasks", "tasks", task -> new MockTask(task.path("task_id").asText(),
                MockTaskStatus.fromWire(task.path("status").asText()), task.path("effect_scene").asText(),
                task.path("created_at").asLong(), task.path("finishes_at").asLong()));
    }

    /** @return the task with this id, or null when the mock holds none */
    public MockTask task(String taskId) {
        return tasks().stream().filter(task -> task.taskId().equals(taskId)).findFirst().orElse(null);
    }

    /** @return the requests the mock answered (its journal), oldest first, with their headers and bodies */
    public RecordedRequests requests() {
        return new RecordedRequests(all("/requests", "requests", entry -> {
            Map<String, String> headers = new LinkedHashMap<>();
            entry.path("headers").fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
            return new RecordedRequest(entry.path("method").asText(), entry.path("path").asText(),
                    entry.path("status").asInt(), entry.path("millis").asDouble(), entry.path("at").asLong(),
                    entry.path("fault").isTextual() ? entry.path("fault").asText() : null, headers,
                    entry.path("body").isTextual() ? entry.path("body").asText() : null);
        }));
    }

    /**
     * Checks that the mock recorded at least one request matching the pattern (see {@link RecordedRequests#verify}).
     *
     * @throws AssertionError naming the closest recorded request and what differed, when none matches
     */
    public void verify(RequestPattern pattern) {
        requests().verify(pattern);
    }

    /** Checks that exactly {@code times} recorded requests match the pattern. */
    public void verify(int times, RequestPattern pattern) {
        requests().verify(times, pattern);
    }

    /** Empties the journal. */
    public void clearRequests() {
        send("DELETE", "/requests", null);
    }

    private <T> List<T> all(String path, String field, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = get(path + "?order=oldest&limit=" + PAGE + "&cursor=" + cursor);
            page.path(field).forEach(item -> items.add(read.apply(item)));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        return items;
    }

    private JsonNode get(String path) {
        return send("GET", path, null);
    }

    private JsonNode post(String path, ObjectNode body) {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/__admin" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the mock's admin API refused " + method + " " + path + ": "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the mock's admin API at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the mock's admin API", e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
