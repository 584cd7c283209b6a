package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.AUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.config.Settings;
import dev.klingeffects.mock.config.SettingsParser;
import dev.klingeffects.mock.support.Eventually;
import dev.klingeffects.mock.support.RunningMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Starting on a taken port says so in one line; stopping lets requests in flight finish. */
class StartAndStopTest {

    private static Settings settings(String... flags) {
        return SettingsParser.parse(flags, Map.of(), ContractSpec.load().modellix());
    }

    @Test
    void aTakenPortIsOneLineNamingTheFlag() {
        try (RunningMock running = RunningMock.start()) {
            Settings same = settings("--port", String.valueOf(running.port()), "--access-log", "false");
            MockServer second = MockServer.create(same);

            assertThatThrownBy(second::start).isInstanceOfSatisfying(RuntimeException.class, e ->
                    assertThat(Main.whyNotListening(e, same)).isEqualTo("port " + running.port()
                            + " is in use; pick another with --port (0 picks a free one)"));
        }
    }

    @Test
    void anAddressNotOnThisMachineIsNotCalledAPortInUse() {
        Settings foreign = settings("--host", "192.0.2.1", "--port", "0", "--access-log", "false");

        assertThatThrownBy(() -> MockServer.create(foreign).start()).isInstanceOfSatisfying(RuntimeException.class, e ->
                assertThat(Main.whyNotListening(e, foreign)).startsWith("cannot listen on 192.0.2.1:0 (")
                        .contains("is 192.0.2.1 an address of this machine?"));
    }

    @Test
    void stoppingLetsADelayedAnswerInFlightFinish() throws Exception {
        MockServer server = MockServer.create(settings("--port", "0", "--access-log", "false", "--shutdown-grace", "5"))
                .start();
        HttpRequest delayed = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/tasks/task-x"))
                .header("Authorization", AUTH.get("Authorization")).header("Prefer", "delay=1500").build();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
                .sendAsync(delayed, HttpResponse.BodyHandlers.ofString());
        Eventually.await("arrival of the delayed request", Duration.ofSeconds(5), () -> server.requestsInFlight() > 0);

        server.stop();

        assertThat(answer.get().statusCode()).isEqualTo(404);
        assertThat(answer.get().body()).contains("Resource not found");
    }
}
