package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Waiting for a task: success, failure, timeout, statuses from the future. */
class PollingTest {

    @Test
    void pollsUntilSuccessAndReturnsTheVideo() {
        try (ScriptedServer server = new ScriptedServer()
                .then(200, ScriptedServer.task("pending", ""))
                .then(200, ScriptedServer.task("processing", ""))
                .then(200, ScriptedServer.success())) {
            EffectTask done = Clients.against(server, new FakeTiming()).build().awaitCompletion("task-1", Duration.ofMinutes(3));

            assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(done.videoUrl()).isEqualTo("https://cdn.test/v.mp4");
            assertThat(done.video().orElseThrow().width()).isEqualTo(720);
            assertThat(done.processingTime()).isEqualTo(Duration.ofMillis(64210));
            assertThat(done.resultExpiresAt()).isEqualTo(Instant.ofEpochMilli(1764547200000L));
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void backsOffFromAboutOneSecondToAboutTenSeconds() {
        ScriptedServer server = new ScriptedServer();
        for (int i = 0; i < 12; i++) {
            server.then(200, ScriptedServer.task("processing", ""));
        }
        server.then(200, ScriptedServer.success());
        try (server) {
            FakeTiming timing = new FakeTiming();

            Clients.against(server, timing).build().awaitCompletion("task-1", Duration.ofMinutes(10));

            assertThat(timing.sleeps.get(0)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
            assertThat(timing.sleeps.get(timing.sleeps.size() - 1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
            assertThat(timing.sleeps).hasSize(12)
                    .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(800), Duration.ofSeconds(12)));
        }
    }

    @Test
    void throwsWithTheErrorMessageWhenTheTaskFails() {
        try (ScriptedServer server = new ScriptedServer()
                .then(200, ScriptedServer.task("failed", ",\"error_message\":\"Failure to pass the risk control system\""))) {
            var client = Clients.against(server, new FakeTiming()).build();

            var thrown = catchThrowableOfType(TaskFailedException.class, () -> client.awaitCompletion("task-1", Duration.ofMinutes(3)));

            assertThat(thrown.errorMessage()).isEqualTo("Failure to pass the risk control system");
            assertThat(thrown.task().status()).isEqualTo(TaskStatus.FAILED);
        }
    }

    @Test
    void throwsWithTheLastStatusOnTimeout() {
        try (ScriptedServer server = new ScriptedServer().always(200, ScriptedServer.task("processing", ""))) {
            var client = Clients.against(server, new FakeTiming()).build();

            var thrown = catchThrowableOfType(TaskTimeoutException.class, () -> client.awaitCompletion("task-1", Duration.ofSeconds(30)));

            assertThat(thrown.lastStatus()).isEqualTo("processing");
            assertThat(thrown.taskId()).isEqualTo("task-1");
            // The last poll goes out a second before the deadline, so it can answer in time.
            assertThat(thrown.waited()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
        }
    }

    @Test
    void toleratesAStatusAddedUpstreamLater() {
        try (ScriptedServer server = new ScriptedServer()
                .then(200, ScriptedServer.task("queued_for_gpu", ",\"queue_position\":3"))
                .then(200, ScriptedServer.success())) {
            var client = Clients.against(server, new FakeTiming()).build();

            EffectTask first = client.getTask("task-1");
            EffectTask done = client.awaitCompletion("task-1", Duration.ofMinutes(1));

            assertThat(first.status()).isEqualTo(TaskStatus.UNKNOWN);
            assertThat(first.rawStatus()).isEqualTo("queued_for_gpu");
            assertThat(first.finished()).isFalse();
            assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        }
    }

    @Test
    void submitAndAwaitCombinesBoth() throws Exception {
        try (ScriptedServer server = new ScriptedServer().then(200, ScriptedServer.submitted()).then(200, ScriptedServer.success())) {
            var client = Clients.against(server, new FakeTiming()).build();

            EffectTask done = client.submitAndAwaitAsync(
                    EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"), Duration.ofMinutes(1)).get();

            assertThat(done.videoUrl()).isEqualTo("https://cdn.test/v.mp4");
        }
    }
}
