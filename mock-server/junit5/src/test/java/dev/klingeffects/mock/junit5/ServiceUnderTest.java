package dev.klingeffects.mock.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What a downstream team's code does with the API, in a few lines: submit, then poll. */
final class ServiceUnderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String apiKey;

    ServiceUnderTest(String baseUrl) {
        this(baseUrl, "team-key");
    }

    ServiceUnderTest(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    String baseUrl() {
        return baseUrl;
    }

    String submit(String effect) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/image-to-video/kling/kling-video-effects/async"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"effect_scene\":\"" + effect + "\",\"image\":\"https://example.com/cat.jpg\"}"))
                .build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).at("/data/task_id").asText();
    }

    JsonNode poll(String taskId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tasks/" + taskId))
                .header("Authorization", "Bearer " + apiKey).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("data");
    }
}
