package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every documented error status surfaces as its own exception with category and detail. */
class ErrorMappingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "400 | InvalidRequestException      | Invalid parameters    | parameter 'effect_scene' is required | false",
        "401 | AuthenticationException      | Authentication failed | invalid API key                     | false",
        "402 | InsufficientBalanceException | Insufficient balance  | account balance is too low          | false",
        "404 | TaskNotFoundException        | Resource not found    | task 'task-1' not found             | false",
        "413 | InvalidRequestException      | Payload too large     | request body must be at most 9 bytes | false",
        "429 | RateLimitException           | Rate limit exceeded   | at most 100 requests per minute     | true",
        "500 | ServerException              | Internal error        | an unexpected error occurred        | true",
        "503 | ServerException              | Service unavailable   | temporarily unavailable             | true"})
    void answersEachStatusWithItsOwnException(int status, String type, String category, String detail, boolean retryable) {
        try (ScriptedServer server = new ScriptedServer().always(status, ScriptedServer.error(status, category + ": " + detail))) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            var thrown = catchThrowableOfType(ModellixApiException.class, () -> client.getTask("task-1"));

            assertThat(thrown.getClass().getSimpleName()).isEqualTo(type);
            assertThat(thrown.httpStatus()).isEqualTo(status);
            assertThat(thrown.category()).isEqualTo(category);
            assertThat(thrown.detail()).isEqualTo(detail);
            assertThat(thrown.apiMessage()).isEqualTo(category + ": " + detail);
            assertThat(thrown.retryable()).isEqualTo(retryable);
        }
    }

    @Test
    void exposesTheRateLimitHeaders() {
        try (ScriptedServer server = new ScriptedServer().always(429, ScriptedServer.error(429, "Rate limit exceeded: slow down"))) {
            server.then(429, ScriptedServer.error(429, "Rate limit exceeded: slow down"), Map.of(
                    "X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1764000060",
                    "Retry-After", "42"));
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            var thrown = catchThrowableOfType(RateLimitException.class, () -> client.getTask("task-1"));

            assertThat(thrown.rateLimit()).isEqualTo(new RateLimitInfo(100, 0, Instant.ofEpochSecond(1764000060), Duration.ofSeconds(42)));
        }
    }

    @Test
    void keepsABodyThatIsNotTheApisShape() {
        try (ScriptedServer server = new ScriptedServer().always(502, "<html>Bad gateway</html>")) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            var thrown = catchThrowableOfType(ServerException.class, () -> client.getTask("task-1"));

            assertThat(thrown.httpStatus()).isEqualTo(502);
            assertThat(thrown.detail()).isEqualTo("<html>Bad gateway</html>");
        }
    }

    @Test
    void neverShowsTheKeyInToStringOrExceptions() {
        try (ScriptedServer server = new ScriptedServer().always(401, ScriptedServer.error(401, "Authentication failed: invalid API key"))) {
            var client = Clients.against(server, new FakeTiming()).build();

            var thrown = catchThrowableOfType(AuthenticationException.class, () -> client.getTask("task-1"));

            assertThat(client.toString()).doesNotContain(Clients.KEY);
            assertThat(thrown.toString()).doesNotContain(Clients.KEY);
            assertThat(KlingEffectsClient.builder().apiKey(Clients.KEY).toString()).doesNotContain(Clients.KEY);
        }
    }

    @Test
    void everyApiErrorCarriesTheHeadersOfItsAnswer() {
        try (ScriptedServer server = new ScriptedServer().always(404, ScriptedServer.error(404, "Resource not found: task 'task-1' not found"))) {
            server.then(404, ScriptedServer.error(404, "Resource not found: task 'task-1' not found"), Map.of("X-Request-Id", "req-42"));
            var client = Clients.against(server, new FakeTiming()).build();

            var thrown = catchThrowableOfType(TaskNotFoundException.class, () -> client.getTask("task-1"));

            assertThat(thrown.header("x-request-id")).contains("req-42");
            assertThat(thrown.header("Content-Type")).contains("application/json");
        }
    }
}
