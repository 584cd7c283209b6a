package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.support.RunningMock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, the served spec and docs, and unknown routes and methods in the API's error shape. */
class ServerSurfaceTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass();

    @Test
    void reportsHealth() {
        var answer = mock.client().get("/health", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void servesTheExactSpec() {
        var answer = mock.client().get("/openapi.yaml", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.raw().body()).isEqualTo(ContractSpec.load().text());
    }

    @Test
    void servesSwaggerUiFromTheWebjarWithoutACdn() {
        var page = mock.client().get("/docs", Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/docs/openapi.json").doesNotContain("https://");
        String script = page.body().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle.js)\".*", "$1");
        assertThat(mock.client().get(script, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void servesSwaggerUiFilesWithTheirTypeAndAnythingElseUnderWebjarsAsNotFound() {
        String page = mock.client().get("/docs", Map.of()).body();
        String folder = page.replaceAll("(?s).*src=\"(/webjars/[^\"]+/)swagger-ui-bundle.js\".*", "$1");

        var script = mock.client().get(folder + "swagger-ui-bundle.js", Map.of());
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(mock.client().get(folder + "swagger-ui.css", Map.of()).header("Content-Type")).startsWith("text/css");
        for (String other : new String[] {folder + "no-such-file.js", folder, folder + "LICENSE", "/webjars/x/%5C..%5Cy.js"}) {
            var answer = mock.client().get(other, Map.of());
            assertThat(answer.status()).as(other).isIn(400, 404);
            assertThat(answer.json().path("code").asInt()).as(other).isEqualTo(answer.status());
        }
    }

    @Test
    void answersAnUnknownRouteInTheErrorShape() {
        var answer = mock.client().get("/api/v2/nothing", Map.of());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.message()).isEqualTo("Resource not found: no route for GET '/api/v2/nothing'");
    }

    @Test
    void answersAWrongMethodInTheErrorShape() {
        var answer = mock.client().send("PUT", "/api/v1/tasks/task-1", null, Map.of());

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.message()).isEqualTo("Method not allowed: PUT is not allowed on '/api/v1/tasks/task-1'");
    }

    @Test
    void theDocsPageReadsASpecWhoseOnlyServerIsThisMock() {
        var spec = mock.client().get("/docs/openapi.json", Map.of());

        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.json().path("servers")).hasSize(1);
        assertThat(spec.json().path("servers").get(0).path("url").asText()).isEqualTo(mock.baseUrl());
        assertThat(spec.body()).doesNotContain("https://api.modellix.ai\"");
        assertThat(mock.client().get("/docs", Map.of()).body()).contains("/docs/openapi.json");
    }

    @Test
    void theBareAddressLeadsToTheDocs() {
        var answer = mock.client().get("/", Map.of());

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/docs");
    }

    @Test
    void answersCorsPreflightsOfPagesOnThisMachineOnly() {
        String submit = "/api/v1/image-to-video/kling/kling-video-effects/async";
        var local = mock.client().send("OPTIONS", submit, null,
                Map.of("Origin", "http://localhost:8080", "Access-Control-Request-Method", "POST"));
        var foreign = mock.client().send("OPTIONS", submit, null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        var answer = mock.client().get("/api/v1/tasks/task-x", Map.of("Origin", "http://127.0.0.1:9999",
                "Authorization", "Bearer k"));

        assertThat(local.status()).isEqualTo(204);
        assertThat(local.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");
        assertThat(local.header("Access-Control-Allow-Headers")).contains("Authorization", "Content-Type", "Prefer");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:9999");
    }

    @Test
    void servesTheQaDashboardAndTheSettingsItShows() {
        var page = mock.client().get("/__admin/ui", Map.of());
        var settings = mock.client().get("/__admin/settings", Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.body()).contains("QA dashboard", "/__admin");
        assertThat(settings.json().path("settings").toString()).contains("profile", "admin api");
    }
}
