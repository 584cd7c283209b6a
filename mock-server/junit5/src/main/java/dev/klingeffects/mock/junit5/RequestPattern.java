package dev.klingeffects.mock.junit5;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a recorded request should look like, for {@link RecordedRequests#verify(RequestPattern)}: a route,
 * then any number of conditions on headers, body fields and the answer, all of which must hold. Immutable:
 * each condition gives a new pattern.
 *
 * <pre>{@code
 * mock.requests().verify(submitted().effect("bullet_time").field("duration", 10));
 * mock.requests().verify(1, polled(taskId).header("Authorization", "Bearer te****-1"));
 * }</pre>
 */
public final class RequestPattern {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A request of another route is farther from the pattern than any number of wrong fields. */
    private static final int ROUTE_WEIGHT = 100;

    /** One condition: null when the request meets it, else what differed. */
    private record Condition(String description, Function<RecordedRequest, String> mismatch) {}

    private final String route;
    private final Function<RecordedRequest, Boolean> onRoute;
    private final List<Condition> conditions;

    private RequestPattern(String route, Function<RecordedRequest, Boolean> onRoute, List<Condition> conditions) {
        this.route = route;
        this.onRoute = onRoute;
        this.conditions = List.copyOf(conditions);
    }

    /** @return a pattern for submits of an effect task */
    public static RequestPattern submitted() {
        return new RequestPattern("a submit (POST …/kling-video-effects/async)", RecordedRequest::isSubmit, List.of());
    }

    /** @return a pattern for polls of any task */
    public static RequestPattern polled() {
        return new RequestPattern("a poll (GET /api/v1/tasks/…)", RecordedRequest::isPoll, List.of());
    }

    /** @return a pattern for polls of one task */
    public static RequestPattern polled(String taskId) {
        return new RequestPattern("a poll of " + taskId + " (GET /api/v1/tasks/" + taskId + ")",
                request -> request.isPoll() && request.path().equals("/api/v1/tasks/" + taskId), List.of());
    }

    /** @return a pattern for requests with this method and path (without the query) */
    public static RequestPattern request(String method, String path) {
        return new RequestPattern(method + " " + path,
                request -> request.method().equals(method) && request.path().equals(path), List.of());
    }

    /** @return a pattern any recorded request matches, to be narrowed with conditions */
    public static RequestPattern anyRequest() {
        return new RequestPattern("any request", request -> true, List.of());
    }

    /** @return this pattern, for requests whose {@code effect_scene} is this effect */
    public RequestPattern effect(String effectScene) {
        return field("effect_scene", effectScene);
    }

    /**
     * @param name     a top-level field of the JSON body, or a JSON pointer such as {@code /images/0}
     * @param expected its value: a string, number, boolean, or null; a Base64 image is compared as the mock keeps
     *                 it, {@code "<base64: N chars, crc32c XXXXXXXX>"} (the CRC32C of the Base64 text as sent), other text over
     *                 256 characters as {@code "<N chars, crc32c XXXXXXXX>"}
     * @return this pattern, for requests whose body has this value there
     */
    public RequestPattern field(String name, Object expected) {
        JsonNode wanted = JSON.valueToTree(expected);
        JsonPointer pointer = JsonPointer.compile(name.startsWith("/") ? name : "/" + name.replace("~", "~0").replace("/", "~1"));
        return with(name + " = " + wanted, request -> {
            JsonNode body = body(request);
            if (body == null) {
                return name + ": expected " + wanted + ", but the request had no JSON body";
            }
            JsonNode actual = body.at(pointer);
            if (actual.isMissingNode()) {
                return name + ": expected " + wanted + ", was absent";
            }
            return sameValue(wanted, actual) ? null : name + ": expected " + wanted + ", was " + actual;
        });
    }

    /** @return this pattern, for requests whose body lacks this top-level field (or JSON pointer) */
    public RequestPattern withoutField(String name) {
        JsonPointer pointer = JsonPointer.compile(name.startsWith("/") ? name : "/" + name.replace("~", "~0").replace("/", "~1"));
        return with("no " + name, request -> {
            JsonNode body = body(request);
            return body == null || body.at(pointer).isMissingNode() ? null
                    : name + ": expected absent, was " + body.at(pointer);
        });
    }

    /**
     * @param name  a header name, matched without regard to case
     * @param value its value as the mock keeps it (the API key masked: {@code Bearer te****-1})
     * @return this pattern, for requests with this header value
     */
    public RequestPattern header(String name, String value) {
        return with(name + ": " + value, request -> {
            String actual = request.header(name);
            return value.equals(actual) ? null
                    : "header " + name + ": expected " + value + ", was " + (actual == null ? "absent" : actual);
        });
    }

    /** @return this pattern, for requests the mock answered with this HTTP status (0: a fault closed the connection) */
    public RequestPattern status(int status) {
        return with("answered " + status, request -> request.status() == status ? null
                : "status: expected " + status + ", was " + request.status());
    }

    /** @return this pattern, for requests the mock answered with this fault */
    public RequestPattern fault(MockFault fault) {
        return with("fault " + fault.wire(), request -> request.fault() != null
                && request.fault().startsWith("fault=" + fault.wire() + ";") ? null
                : "fault: expected " + fault.wire() + ", was " + (request.fault() == null ? "none" : request.fault()));
    }

    private RequestPattern with(String description, Function<RecordedRequest, String> mismatch) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(new Condition(description, mismatch));
        return new RequestPattern(route, onRoute, more);
    }

    /** @return whether the request matches */
    public boolean matches(RecordedRequest request) {
        return differences(request).isEmpty();
    }

    /** @return what differs between the request and this pattern, one line each; empty when it matches */
    List<String> differences(RecordedRequest request) {
        List<String> differences = new ArrayList<>();
        if (!onRoute.apply(request)) {
            differences.add("route: expected " + route + ", was " + request.method() + " " + request.path());
        }
        for (Condition condition : conditions) {
            String mismatch = condition.mismatch().apply(request);
            if (mismatch != null) {
                differences.add(mismatch);
            }
        }
        return differences;
    }

    /** @return how far the request is from this pattern: 0 when it matches */
    int distance(RecordedRequest request) {
        List<String> differences = differences(request);
        return differences.size() + (onRoute.apply(request) ? 0 : ROUTE_WEIGHT);
    }

    @Override
    public String toString() {
        return route + (conditions.isEmpty() ? "" : " with " + String.join(", ",
                conditions.stream().map(Condition::description).toList()));
    }

    private static JsonNode body(RecordedRequest request) {
        if (request.body() == null) {
            return null;
        }
        try {
            return JSON.readTree(request.body());
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean sameValue(JsonNode wanted, JsonNode actual) {
        if (wanted.isNumber() && actual.isNumber()) {
            return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return Objects.equals(wanted, actual);
    }
}
