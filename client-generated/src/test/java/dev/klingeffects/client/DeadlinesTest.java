package dev.klingeffects.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A timeout is a deadline, whatever the server asks the client to wait; and no failure orphans a task. */
class DeadlinesTest {

    @Test
    void aRetryAfterLongerThanTheDeadlineEndsInATimeoutAtTheDeadline() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(200, ScriptedServer.task("processing", ""));
            server.always(429, ScriptedServer.error(429, "Rate limit exceeded: slow down"));
            server.then(429, ScriptedServer.error(429, "Rate limit exceeded: slow down"), Map.of("Retry-After", "10"));
            FakeTiming timing = new FakeTiming();
            var client = Clients.against(server, timing).build();

            var thrown = catchThrowableOfType(TaskTimeoutException.class,
                    () -> client.awaitCompletion("task-1", Duration.ofSeconds(2)));

            assertThat(thrown.taskId()).isEqualTo("task-1");
            assertThat(thrown.getCause()).isInstanceOf(RateLimitException.class);
            Duration waited = timing.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
            assertThat(waited).isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void aFailureWhileWaitingCarriesTheTaskSoItIsNeverOrphaned() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(200, ScriptedServer.submitted());
            server.always(404, ScriptedServer.error(404, "Resource not found: task 'task-1' not found"));
            var client = Clients.against(server, new FakeTiming()).retryPolicy(RetryPolicy.none()).build();

            var thrown = catchThrowableOfType(TaskNotFoundException.class, () -> client.submitAndAwait(
                    EffectRequest.singleImage("pet_lion_pro", "https://example.com/cat.jpg"), Duration.ofMinutes(1)));

            assertThat(thrown.taskId()).isEqualTo("task-1");
            assertThat(thrown.getMessage()).contains("task-1");
        }
    }

    @Test
    void honoursRetryAfterGivenAsAnHttpDate() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(429, ScriptedServer.error(429, "Rate limit exceeded: slow down"), Map.of("Retry-After", inThreeSeconds));
            server.then(200, ScriptedServer.task("pending", ""));
            FakeTiming timing = new FakeTiming();
            var client = Clients.against(server, timing).build();

            client.getTask("task-1");

            assertThat(timing.sleeps).hasSize(1);
            assertThat(timing.sleeps.get(0)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(3700));
        }
    }

    @Test
    void serverDirectedWaitsGetJitterSoClientsDoNotReturnTogether() {
        var waits = new java.util.HashSet<Duration>();
        for (int i = 0; i < 10; i++) {
            try (ScriptedServer server = new ScriptedServer()) {
                server.then(429, ScriptedServer.error(429, "Rate limit exceeded: slow down"), Map.of("Retry-After", "10"));
                server.then(200, ScriptedServer.task("pending", ""));
                FakeTiming timing = new FakeTiming();
                Clients.against(server, timing).build().getTask("task-1");
                assertThat(timing.sleeps.get(0)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(12));
                waits.add(timing.sleeps.get(0));
            }
        }
        assertThat(waits).hasSizeGreaterThan(1);
    }

    @Test
    void aWaitNoClockCanHoldEndsInTheRateLimitErrorNotAHang() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.always(429, ScriptedServer.error(429, "Rate limit exceeded: slow down"));
            server.then(429, ScriptedServer.error(429, "Rate limit exceeded: slow down"),
                    Map.of("Retry-After", "999999999999999999", "X-RateLimit-Reset", "999999999999999999"));
            var client = Clients.against(server, new FakeTiming()).build();

            var thrown = catchThrowableOfType(RateLimitException.class, () -> client.getTask("task-1"));

            assertThat(thrown.rateLimit().resetAt()).isNull();
            assertThat(thrown.rateLimit().retryAfter()).isEqualTo(Duration.ofDays(1));
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aTimeoutTooLongForTheClockIsNoDeadlineNotAnOverflow() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(200, ScriptedServer.task("processing", "")).then(200, ScriptedServer.success());
            var client = Clients.against(server, new FakeTiming()).build();

            assertThat(client.awaitCompletion("task-1", Duration.ofSeconds(Long.MAX_VALUE)).status()).isEqualTo(TaskStatus.SUCCESS);
        }
    }

    @Test
    void anExecutorShutDownUnderTheClientDoesNotLeaveACallWaitingForever() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdownNow();
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(503, ScriptedServer.error(503, "Service unavailable: later")).then(200, ScriptedServer.task("pending", ""));
            var client = Clients.against(server, new FakeTiming()).executor(executor).build();

            var task = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> client.getTask("task-1"));

            assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        }
    }

    @Test
    void theTimeBudgetCutsTheAttemptInProgressNotOnlyTheWaits() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.thenStall(200, ScriptedServer.task("pending", ""), 10);
            var budget = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(300));
            var client = Clients.against(server, new FakeTiming()).requestTimeout(Duration.ofMinutes(5)).retryPolicy(budget).build();

            var thrown = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    catchThrowableOfType(ModellixConnectionException.class, () -> client.getTask("task-1")));

            assertThat(thrown.getCause()).isInstanceOf(java.net.http.HttpTimeoutException.class).hasMessageContaining("PT0.3S");
            assertThat(server.received()).hasSize(1);
        }
    }
}
