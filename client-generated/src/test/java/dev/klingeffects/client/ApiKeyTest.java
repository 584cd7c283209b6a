package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The key never reaches a message, whatever path the server's text takes; and only the key is hidden. */
class ApiKeyTest {

    private static final EffectRequest REQUEST = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");

    @Test
    void aNonZeroCodeOnA200EchoingTheKeyKeepsItOutOfTheMessage() {
        String body = ScriptedServer.error(500, "Internal error: key " + Clients.KEY + " is throttled");
        try (ScriptedServer server = new ScriptedServer().always(200, body)) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            var thrown = catchThrowableOfType(ServerException.class, () -> client.submit(REQUEST));

            assertThat(thrown.getMessage()).doesNotContain(Clients.KEY).contains("key **** is throttled");
            assertThat(thrown.detail()).doesNotContain(Clients.KEY);
        }
    }

    @Test
    void aFailedTasksErrorMessageEchoingTheKeyKeepsItOutOfTheException() {
        String failed = ScriptedServer.task("failed", ",\"error_message\":\"Key " + Clients.KEY + " may not use this effect\"");
        try (ScriptedServer server = new ScriptedServer().always(200, failed)) {
            var client = Clients.against(server, new FakeTiming()).build();

            var thrown = catchThrowableOfType(TaskFailedException.class, () -> client.awaitCompletion("task-1", Duration.ofMinutes(1)));

            assertThat(thrown.getMessage()).doesNotContain(Clients.KEY).contains("Key **** may not use this effect");
            assertThat(thrown.errorMessage()).doesNotContain(Clients.KEY);
        }
    }

    @Test
    void anUnknownStatusHoldingTheKeyKeepsItOutOfTheTimeout() {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.task("queued-for-" + Clients.KEY, ""))) {
            var client = Clients.against(server, new FakeTiming()).build();

            var thrown = catchThrowableOfType(TaskTimeoutException.class, () -> client.awaitCompletion("task-1", Duration.ofSeconds(3)));

            assertThat(thrown.getMessage()).doesNotContain(Clients.KEY);
            assertThat(thrown.lastStatus()).doesNotContain(Clients.KEY);
        }
    }

    @Test
    void aKeyWithATrailingNewlineIsRefusedAtBuildWithoutPrintingIt() {
        var builder = KlingEffectsClient.builder().apiKey(Clients.KEY + "\n");

        var thrown = catchThrowableOfType(IllegalArgumentException.class, builder::build);

        assertThat(thrown).hasMessageContaining("position 23 of 23").hasMessageContaining("newline");
        assertThat(thrown.getMessage()).doesNotContain(Clients.KEY);
    }

    @Test
    void aShortKeyIsHiddenOnlyWhereItStandsAsAWholeToken() {
        String body = ScriptedServer.error(400, "Invalid parameters: this effect takes 2 images, key k is fine");
        try (ScriptedServer server = new ScriptedServer().always(400, body)) {
            var client = KlingEffectsClient.builder().baseUrl(server.baseUrl()).apiKey("k").timing(new FakeTiming()).build();

            var thrown = catchThrowableOfType(InvalidRequestException.class, () -> client.getTask("task-1"));

            assertThat(thrown.getMessage()).contains("this effect takes 2 images, key **** is fine");
        }
    }
}
