package dev.klingeffects.mock.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingeffects.contract.ContractSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP to the mock. Every answer of the two API operations is validated against the spec:
 * a test fails on any response the contract does not allow, whatever it asserts itself.
 */
public final class SpecCheckedClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_PREFIX = "/api/";
    private static final java.util.Set<String> OUTSIDE_THE_CONTRACT = java.util.Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");

    /**
     * One validator per spec text in the test JVM: parsing the spec was most of the cost of each of the ~50
     * mock starts in these tests. A modified spec copy has another text, so it still gets its own.
     */
    private static final java.util.Map<String, OpenApiInteractionValidator> VALIDATORS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final OpenApiInteractionValidator validator;

    SpecCheckedClient(String baseUrl, ContractSpec spec) {
        this.baseUrl = baseUrl;
        this.validator = VALIDATORS.computeIfAbsent(new String(spec.text(), StandardCharsets.UTF_8),
                text -> OpenApiInteractionValidator.createForInlineApiSpecification(text).build());
    }

    /** One answer. */
    public record Answer(int status, String body, HttpResponse<byte[]> raw) {

        /** @return the body as JSON */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** @return the body's {@code message} */
        public String message() {
            return json().path("message").asText();
        }

        /** @return a header's value, or null */
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** GET with headers. */
    public Answer get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    /** POST a body with headers (a JSON content type unless one is given). */
    public Answer post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Any method, any bytes. */
    public Answer send(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Answer answer = new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
            if (path.startsWith(API_PREFIX)) {
                assertConformsToSpec(method, path, answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertConformsToSpec(String method, String path, Answer answer) {
        if (java.util.Arrays.stream(Request.Method.values()).noneMatch(known -> known.name().equals(method))) {
            return; // e.g. PROPFIND: no operation of the spec can match it
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status()).withBody(answer.body());
        answer.raw().headers().map().forEach((name, values) -> response.withHeader(name, values));
        var report = validator.validateResponse(path.split("\\?")[0], Request.Method.valueOf(method), response.build());
        if (report.getMessages().stream().anyMatch(message -> OUTSIDE_THE_CONTRACT.contains(message.getKey()))) {
            return; // no operation of the spec matches: the route or method does not exist
        }
        assertThat(report.getMessages())
                .as("%s %s answered %s %s, which the spec does not allow", method, path, answer.status(), answer.body())
                .isEmpty();
    }
}
