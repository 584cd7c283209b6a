package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Options for some calls: they win over the client's for those calls only. */
class RequestOptionsTest {

    private static final EffectRequest LION = EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg");

    @Test
    void headersGivenForOneCallAreSentWithTheClientsOnThatCallOnly() {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.submitted())) {
            var client = Clients.against(server, new FakeTiming()).defaultHeader("X-Team", "video").build();

            client.withOptions(RequestOptions.builder().header("Prefer", "outcome=failed").build()).submit(LION);
            client.submit(LION);

            assertThat(server.received().get(0).header("Prefer")).isEqualTo("outcome=failed");
            assertThat(server.received().get(0).header("X-Team")).isEqualTo("video");
            assertThat(server.received().get(1).header("Prefer")).isNull();
        }
    }

    @Test
    void aRetryPolicyGivenForOneCallReplacesTheClients() {
        try (ScriptedServer server = new ScriptedServer()
                .then(503, ScriptedServer.error(503, "Service unavailable: try later"))
                .then(200, ScriptedServer.task("pending", ""))
                .then(503, ScriptedServer.error(503, "Service unavailable: try later"))
                .then(200, ScriptedServer.task("pending", ""))) {
            var client = Clients.against(server, new FakeTiming()).build();

            assertThat(client.getTask("task-1").status()).isEqualTo(TaskStatus.PENDING);
            assertThatThrownBy(() -> client.withOptions(RequestOptions.builder().retryPolicy(RetryPolicy.none()).build())
                    .getTask("task-1")).isInstanceOf(ServerException.class);
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void aTimeoutGivenForOneCallBoundsTheWholeExchangeEvenABodyThatStopsHalfway() {
        try (ScriptedServer server = new ScriptedServer().thenStall(200, ScriptedServer.success(), 20)) {
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();
            var fast = client.withOptions(RequestOptions.builder().timeout(Duration.ofMillis(300)).build());

            var thrown = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    catchThrowableOfType(ModellixConnectionException.class, () -> fast.getTask("task-1")));

            assertThat(thrown.getCause()).isInstanceOf(HttpTimeoutException.class);
            assertThat(thrown.requestMayHaveReachedServer()).isTrue();
        }
    }

    @Test
    void refusesAReservedOrMalformedHeaderWhenItIsGivenNotAtTheFirstSend() {
        assertThatThrownBy(() -> RequestOptions.builder().header("Authorization", "Bearer other"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the client");
        assertThatThrownBy(() -> RequestOptions.builder().header("Host", "evil.test")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Split", "a\r\nInjected: yes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KlingEffectsClient.builder().defaultHeader("Content-Length", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingAViewLeavesTheClientItCameFromOpen() {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.task("pending", ""))) {
            var client = Clients.against(server, new FakeTiming()).build();
            var view = client.withOptions(RequestOptions.builder().header("X-View", "1").build());

            view.close();

            assertThat(client.getTask("task-1").status()).isEqualTo(TaskStatus.PENDING);
        }
    }

    @Test
    void closingTheClientClosesItsViewsToo() {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.task("pending", ""))) {
            var client = Clients.against(server, new FakeTiming()).build();
            var view = client.withOptions(RequestOptions.builder().header("X-View", "1").build());

            client.close();

            assertThatThrownBy(() -> view.getTask("task-1")).hasMessageContaining("closed");
            assertThat(server.received()).isEmpty();
        }
    }
}
