package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A built client stands on its own: its builder and the caller's HTTP client settings stay the caller's. */
class ClientShapeTest {

    @Test
    void changingTheBuilderAfterBuildChangesNothing() {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.task("pending", ""))) {
            var builder = Clients.against(server, new FakeTiming()).userAgent("first-agent").defaultHeader("X-Team", "a");
            KlingEffectsClient client = builder.build();

            builder.userAgent("second-agent").defaultHeader("X-Team", "b").baseUrl("http://127.0.0.1:1");
            client.getTask("task-1");

            assertThat(server.received().get(0).header("User-Agent")).isEqualTo("first-agent");
            assertThat(server.received().get(0).header("X-Team")).isEqualTo("a");
        }
    }

    @Test
    void sendsEveryCallWithTheCallersOwnHttpClient() {
        AtomicInteger tasksOnMyExecutor = new AtomicInteger();
        Executor mineOnly = task -> {
            tasksOnMyExecutor.incrementAndGet();
            new Thread(task).start();
        };
        HttpClient mine = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).executor(mineOnly).build();
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.task("pending", ""));
             KlingEffectsClient client = Clients.against(server, new FakeTiming()).httpClient(mine).build()) {
            client.getTask("task-1");
            int afterOne = tasksOnMyExecutor.get();
            client.getTask("task-1");

            assertThat(server.received()).hasSize(2);
            assertThat(afterOne).isPositive();
            assertThat(tasksOnMyExecutor.get()).isGreaterThan(afterOne);
        }
    }

    @Test
    void aClosedClientRefusesFurtherCalls() {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.task("pending", ""))) {
            KlingEffectsClient client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();
            client.getTask("task-1");

            client.close();

            assertThatThrownBy(() -> client.getTask("task-1")).hasMessageContaining("closed");
            assertThat(server.received()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.modellix.ai", "https://api.modellix.ai?team=a", "https://api.modellix.ai/#x",
            "https://user:pw@api.modellix.ai", "api.modellix.ai"})
    void aBaseUrlTheClientCouldNotUseAsGivenIsRefused(String baseUrl) {
        assertThatThrownBy(() -> KlingEffectsClient.builder().baseUrl(baseUrl)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(baseUrl);
    }
}
