package dev.klingeffects.mock.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One answer to a probe case: status, the headers that matter, the body (parsed when JSON), or the
 * I/O error that stood in for an answer.
 */
record Exchange(int status, Map<String, String> headers, String body, JsonNode json, String error) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final java.util.List<String> COMPARED_HEADERS = java.util.List.of("content-type", "x-ratelimit-limit",
            "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after");

    /** Sends a case once (never retried: a submit may cost money) and reads the answer. */
    static Exchange send(HttpClient http, String baseUrl, ProbeCase probe, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + probe.path()))
                .timeout(Duration.ofSeconds(60))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body()));
        probe.headers().forEach((name, value) -> request.header(name, value.replace(ProbeCase.KEY, apiKey)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new TreeMap<>();
            for (String name : COMPARED_HEADERS) {
                response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
            }
            return new Exchange(response.statusCode(), headers, response.body(), parse(response.body()), null);
        } catch (IOException e) {
            return new Exchange(-1, Map.of(), "", null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(-1, Map.of(), "", null, "interrupted");
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the media type of the answer, without parameters */
    String mediaType() {
        String type = headers.get("content-type");
        return type == null ? "(none)" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** @return the answer as the report shows it */
    String shown() {
        if (error != null) {
            return "no answer: " + error;
        }
        return status + " " + headers + "\n" + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
}
