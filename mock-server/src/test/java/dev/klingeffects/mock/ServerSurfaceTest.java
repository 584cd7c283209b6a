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
        assertThat(page.body()).contains("/openapi.yaml").doesNotContain("https://");
        String script = page.body().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle.js)\".*", "$1");
        assertThat(mock.client().get(script, Map.of()).status()).isEqualTo(200);
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
}
