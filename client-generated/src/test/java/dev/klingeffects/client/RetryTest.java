package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads retry on 429/5xx/I-O; a paid submit retries only on 429 and when it never left. */
class RetryTest {

    private static final RetryPolicy FOUR_TRIES = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(5));

    @Test
    void retriesAReadOnServiceUnavailableUntilItSucceeds() {
        try (ScriptedServer server = new ScriptedServer()
                .then(503, ScriptedServer.error(503, "Service unavailable: try later"))
                .then(500, ScriptedServer.error(500, "Internal error: oops"))
                .then(200, ScriptedServer.task("processing", ""))) {
            FakeTiming timing = new FakeTiming();

            EffectTask task = Clients.against(server, timing).retryPolicy(FOUR_TRIES).build().getTask("task-1");

            assertThat(task.status()).isEqualTo(TaskStatus.PROCESSING);
            assertThat(server.received()).hasSize(3);
            assertThat(timing.sleeps).hasSize(2);
            assertThat(timing.sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(timing.sleeps.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void honoursRetryAfter() {
        try (ScriptedServer server = new ScriptedServer()
                .then(429, ScriptedServer.error(429, "Rate limit exceeded: wait"), Map.of("Retry-After", "7"))
                .then(200, ScriptedServer.task("pending", ""))) {
            FakeTiming timing = new FakeTiming();

            Clients.against(server, timing).retryPolicy(FOUR_TRIES).build().getTask("task-1");

            // At least what the server asked for, plus up to a fifth of it as jitter.
            assertThat(timing.sleeps).hasSize(1);
            assertThat(timing.sleeps.get(0)).isBetween(Duration.ofSeconds(7), Duration.ofMillis(8400));
        }
    }

    @Test
    void retriesASubmitOnRateLimitBecauseItIsRejectedBeforeBilling() {
        try (ScriptedServer server = new ScriptedServer()
                .then(429, ScriptedServer.error(429, "Concurrent limit exceeded: wait"), Map.of("Retry-After", "2"))
                .then(200, ScriptedServer.submitted())) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(FOUR_TRIES).build();

            client.submit(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"));

            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void neverRepeatsASubmitAfterAServerError() {
        try (ScriptedServer server = new ScriptedServer().always(500, ScriptedServer.error(500, "Internal error: oops"))) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(FOUR_TRIES).build();

            assertThatThrownBy(() -> client.submit(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg")))
                    .isInstanceOf(ServerException.class);
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void neverRepeatsASubmitAfterServiceUnavailable() {
        try (ScriptedServer server = new ScriptedServer().always(503, ScriptedServer.error(503, "Service unavailable: later"))) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(FOUR_TRIES).build();

            assertThatThrownBy(() -> client.submit(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg")))
                    .isInstanceOf(ServerException.class);
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void retriesASubmitWhoseConnectionWasRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FakeTiming timing = new FakeTiming();
        var client = KlingEffectsClient.builder().baseUrl("http://127.0.0.1:" + closedPort).apiKey("k")
                .retryPolicy(FOUR_TRIES).timing(timing).build();

        assertThatThrownBy(() -> client.submit(EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg")))
                .isInstanceOf(ModellixConnectionException.class);
        assertThat(timing.sleeps).hasSize(3);
    }

    @Test
    void stopsAfterTheMaximumAttempts() {
        try (ScriptedServer server = new ScriptedServer().always(503, ScriptedServer.error(503, "Service unavailable: later"))) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(FOUR_TRIES).build();

            assertThatThrownBy(() -> client.getTask("task-1")).isInstanceOf(ServerException.class);
            assertThat(server.received()).hasSize(4);
        }
    }

    @Test
    void givesUpWhenTheServersWaitExceedsTheTimeBudget() {
        try (ScriptedServer server = new ScriptedServer()
                .then(429, ScriptedServer.error(429, "Rate limit exceeded: wait"), Map.of("Retry-After", "600"))) {
            var client = Clients.against(server, new FakeTiming())
                    .retryPolicy(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1))).build();

            assertThatThrownBy(() -> client.getTask("task-1")).isInstanceOf(RateLimitException.class);
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void doesNotRetryAClientError() {
        try (ScriptedServer server = new ScriptedServer().always(404, ScriptedServer.error(404, "Resource not found: no"))) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(FOUR_TRIES).build();

            assertThatThrownBy(() -> client.getTask("task-1")).isInstanceOf(TaskNotFoundException.class);
            assertThat(server.received()).hasSize(1);
        }
    }
}
