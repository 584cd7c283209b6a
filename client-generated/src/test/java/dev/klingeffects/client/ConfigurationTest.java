package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** What a team can switch on without code: settings from the environment, HTTP logging. */
class ConfigurationTest {

    @Test
    void fromEnvReadsTheKeyBaseUrlAndTimeouts() {
        try (ScriptedServer server = new ScriptedServer().thenStall(200, ScriptedServer.task("pending", ""), 5)) {
            Map<String, String> env = Map.of("MODELLIX_API_KEY", Clients.KEY, "MODELLIX_BASE_URL", server.baseUrl(),
                    "MODELLIX_REQUEST_TIMEOUT", "PT0.3S", "MODELLIX_CONNECT_TIMEOUT", "5");
            var client = KlingEffectsClient.builder().fromEnv(env::get).retryPolicy(RetryPolicy.none()).timing(new FakeTiming()).build();

            assertThatThrownBy(() -> client.getTask("task-1")).isInstanceOf(ModellixConnectionException.class)
                    .hasRootCauseMessage("no complete answer within PT0.3S");
            assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer " + Clients.KEY);
        }
    }

    @Test
    void anUnusableSettingInTheEnvironmentNamesItsVariable() {
        assertThatThrownBy(() -> KlingEffectsClient.builder().fromEnv(Map.of("MODELLIX_REQUEST_TIMEOUT", "soon")::get))
                .hasMessageContaining("MODELLIX_REQUEST_TIMEOUT").hasMessageContaining("soon");
        assertThatThrownBy(() -> KlingEffectsClient.builder().fromEnv(Map.of("MODELLIX_BASE_URL", "ftp://x")::get))
                .hasMessageContaining("MODELLIX_BASE_URL");
    }

    @Test
    void httpLoggingSwitchedOnByAPropertyShowsExchangesAndRetriesButNeverTheKey() {
        List<LogRecord> logged;
        CapturedLog log = CapturedLog.of("dev.klingeffects.client.http");
        System.setProperty(KlingEffectsClient.LOG_PROPERTY, "info");
        try (ScriptedServer server = new ScriptedServer().then(503, ScriptedServer.error(503, "Service unavailable: later"))
                .then(200, ScriptedServer.task("pending", ""))) {
            var client = Clients.against(server, new FakeTiming()).build();

            client.getTask("task-1");
        } finally {
            System.clearProperty(KlingEffectsClient.LOG_PROPERTY);
            log.close();
        }
        logged = log.records();

        assertThat(logged).extracting(LogRecord::getMessage).satisfiesExactly(
                first -> assertThat(first).startsWith("GET /api/v1/tasks/task-1 -> 503 in "),
                retry -> assertThat(retry).startsWith("retrying get task task-1 after attempt 1"),
                second -> assertThat(second).startsWith("GET /api/v1/tasks/task-1 -> 200 in "));
        assertThat(logged).allSatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.INFO);
            assertThat(record.getMessage()).doesNotContain(Clients.KEY);
        });
    }

    @Test
    void withoutTheSettingNothingIsLogged() {
        try (CapturedLog log = CapturedLog.of("dev.klingeffects.client.http");
             ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.task("pending", ""))) {
            Clients.against(server, new FakeTiming()).build().getTask("task-1");

            assertThat(log.records()).isEmpty();
        }
    }
}
