package dev.klingeffects.contracttests.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingeffects.contracttests.support.BrowserSession;
import dev.klingeffects.mock.junit5.KlingEffectsMockExtension;
import dev.klingeffects.mock.junit5.MockTaskStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mock's pages in a real headless Chromium (Debian's, driven by playwright-core from tools/): Swagger
 * UI's "Try it out" reaches the mock and only the mock, and the QA dashboard fails a task with its button, shows
 * why a task failed and what each request carried, asks before a reset, and queues network faults. One mock
 * (reset before each test) and one Chromium (a fresh context per test) serve the whole class.
 */
class BrowserPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Frozen: the dashboard must still show the submitted task pending when the browser opens it. */
    @RegisterExtension
    static KlingEffectsMockExtension mock = KlingEffectsMockExtension.builder().frozenClock().build();

    private static BrowserSession browser;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        browser.close();
    }

    private static JsonNode result(String script, List<String> args) {
        JsonNode page = browser.run(script, args);
        assertThat(page.path("ok").asBoolean()).as(page.toString()).isTrue();
        return page;
    }

    @ParameterizedTest(name = "opened as {0}")
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void swaggerUiTryItOutSubmitsToTheMockItselfAndGets200(String host) throws Exception {
        String base = "http://" + host + ":" + mock.port();

        JsonNode page = result("docs-try-it-out.mjs", List.of(base));

        assertThat(page.path("servers")).hasSize(1);
        assertThat(page.path("servers").get(0).asText()).startsWith(base + " - This mock server");
        assertThat(page.path("status").asText()).isEqualTo("200");
        assertThat(page.path("body").asText()).contains("\"task_id\"");
        assertThat(page.path("failures")).isEmpty();
        mock.requests().assertSubmits(1);
    }

    @Test
    void dashboardShowsASubmittedTaskAndItsFailButtonFailsItThroughTheApi() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl()
                        + "/api/v1/image-to-video/kling/kling-video-effects/async"))
                .header("Authorization", "Bearer qa-key-123").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"effect_scene\":\"pet_lion_pro\",\"image\":\"https://example.com/cat.jpg\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String taskId = JSON.readTree(body).at("/data/task_id").asText();
        Path screenshot = Files.createDirectories(Path.of("target", "browser")).resolve("dashboard.png").toAbsolutePath();

        JsonNode page = result("dashboard.mjs",
                List.of(mock.baseUrl(), taskId, "Image pixel is invalid", screenshot.toString()));

        assertThat(page.path("before").asText()).isEqualTo("pending");
        assertThat(mock.admin().task(taskId).status()).isEqualTo(MockTaskStatus.FAILED);
        String polled = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/v1/tasks/" + taskId))
                .header("Authorization", "Bearer qa-key-123").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(JSON.readTree(polled).at("/data/error_message").asText()).isEqualTo("Image pixel is invalid");
        assertThat(Files.size(screenshot)).isPositive();
    }

    @Test
    void dashboardShowsWhyATaskFailedAndWhatWasSentAsksBeforeResetAndQueuesFaults() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        mock.admin().createFailedTask("task-failed-1", "qa-key-123", "Image pixel is invalid");
        http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/v1/image-to-video/kling/kling-video-effects/async"))
                .header("Authorization", "Bearer qa-key-123").header("Content-Type", "application/json")
                .header("Prefer", "fault=malformed-json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"effect_scene\":\"bullet_time\",\"image\":\"https://example.com/cat.jpg\",\"duration\":10}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        JsonNode page = result("dashboard-qa.mjs", List.of(mock.baseUrl(), "task-failed-1"));

        assertThat(page.path("errorMessage").asText()).isEqualTo("Image pixel is invalid");
        assertThat(page.path("sent").asText()).contains("Authorization: Bearer qa****23", "Prefer: fault=malformed-json",
                "\"duration\":10").doesNotContain("qa-key-123");
        assertThat(page.path("fault").asText()).isEqualTo("fault=malformed-json; fault-when=after");
        assertThat(page.path("dialogs")).hasSize(2);
        assertThat(page.path("rowsAfterCancel").asInt()).isPositive();
        assertThat(mock.tasks()).isEmpty();
        assertThat(page.path("queued").asText()).isEqualTo("2 faulted requests queued");
        assertThat(page.path("error").asText()).isEmpty();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/v1/tasks/task-1"))
                .header("Authorization", "Bearer qa-key-123").build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class);
        mock.admin().clearQueued();
    }
}
